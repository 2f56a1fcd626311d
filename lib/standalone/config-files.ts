/**
 * Reads the config files `connect-standalone` takes: connector configs as Java `.properties` or as
 * `.json` — either POST /connectors' `{"name": ..., "config": {...}}` or PUT /connectors/{name}/config's
 * flat map with a `name` — and the worker's `.properties`. Every error names the file (and the line
 * where there is one).
 */
import { readFile } from 'node:fs/promises';
import { ConfigFileError } from './errors';
import { jsonConnectorConfig } from './json-connector-config';
import { parseProperties, propertiesToMap, PropertiesSyntaxError } from './properties-parser';

export interface ConnectorConfigFile {
  file: string;
  name: string;
  /** Every value a string, `name` included, ready for PUT /connectors/{name}/config. */
  config: Record<string, string>;
}

export async function readConnectorConfigFile(file: string): Promise<ConnectorConfigFile> {
  const text = await readText(file);
  if (file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{')) return { file, ...jsonConnectorConfig(text, file) };
  const config = readProperties(text, file);
  const name = config.name;
  if (name === undefined || name.trim() === '') throw new ConfigFileError(file, "the connector config has no 'name' property");
  return { file, name, config };
}

/** A worker.properties file as a map (keys as written, e.g. `rest.advertised.host.name`). */
export async function readWorkerProperties(file: string): Promise<Record<string, string>> {
  return readProperties(await readText(file), file);
}

function readProperties(text: string, file: string): Record<string, string> {
  try {
    return propertiesToMap(parseProperties(text));
  } catch (err) {
    if (err instanceof PropertiesSyntaxError) throw new ConfigFileError(file, err.message, err.line);
    throw err;
  }
}

/** UTF-8, or ISO-8859-1 (what Java's Properties.load reads) when the bytes are not valid UTF-8. */
async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new ConfigFileError(file, `cannot read the file: ${reason}`, undefined, { cause: err });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = bytes.toString('latin1');
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
