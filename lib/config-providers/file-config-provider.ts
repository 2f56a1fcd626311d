/**
 * Kafka's `FileConfigProvider`: `${file:/path/to/file.properties:key}` reads the Java properties
 * file at the path (parsed as `Properties.load` does). A reference without a path resolves to
 * nothing and stays as written; a file that cannot be read fails with Kafka's message.
 * On Lambda the function's own files (the bundle, /opt layers, /tmp) are what a path can name.
 */
import { readFile } from 'node:fs/promises';
import { parseProperties, propertiesToMap } from '#lib/standalone/properties-parser';
import { ConfigProviderError } from './errors';
import type { ConfigProvider } from './types';

export interface FileConfigProviderOptions {
  /** Reads a file as UTF-8 text; a stand-in for tests. */
  read?: (path: string) => Promise<string>;
}

export function createFileConfigProvider({ read = (path) => readFile(path, 'utf8') }: FileConfigProviderOptions = {}): ConfigProvider {
  return {
    async get(path, keys) {
      const data = new Map<string, string>();
      if (path === '') return data;
      let properties: Record<string, string>;
      try {
        properties = propertiesToMap(parseProperties(await read(path)));
      } catch (err) {
        // The cause is named by its code only: a parse error could quote the secret file's text.
        throw new ConfigProviderError(`Could not read properties from file ${path}${codeOf(err)}`);
      }
      for (const key of keys) {
        const value = properties[key];
        if (value !== undefined) data.set(key, value);
      }
      return data;
    },
  };
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}
