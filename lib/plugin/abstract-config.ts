/**
 * A parsed config with typed getters, after Kafka's `AbstractConfig`: construction parses and
 * validates everything and throws the first ConfigException, so a plugin's `start()` fails fast.
 */
import type { ConfigDef } from './config-def';
import type { ConfigValueType, ParseOptions } from './config-types';
import { Password } from './password';

export class AbstractConfig {
  readonly #values: Record<string, ConfigValueType>;
  readonly #originals: Readonly<Record<string, string | null | undefined>>;

  constructor(definition: ConfigDef, originals: Readonly<Record<string, string | null | undefined>>, options: ParseOptions = {}) {
    this.#values = definition.parse(originals, options);
    this.#originals = originals;
  }

  /** The props as given, including keys the definition does not know. */
  originals(): Record<string, string | null | undefined> {
    return { ...this.#originals };
  }

  /** Props starting with `prefix`, with the prefix removed (Kafka's `originalsWithPrefix`). */
  originalsWithPrefix(prefix: string): Record<string, string | null | undefined> {
    return Object.fromEntries(Object.entries(this.#originals).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  }

  get(key: string): ConfigValueType {
    if (!Object.hasOwn(this.#values, key)) throw new Error(`Unknown configuration '${key}'`);
    return this.#values[key] ?? null;
  }

  getString(key: string): string | null {
    return this.typed(key, (v): v is string => typeof v === 'string');
  }

  getBoolean(key: string): boolean | null {
    return this.typed(key, (v): v is boolean => typeof v === 'boolean');
  }

  /** INT, SHORT and DOUBLE keys. */
  getNumber(key: string): number | null {
    return this.typed(key, (v): v is number => typeof v === 'number');
  }

  getLong(key: string): bigint | null {
    return this.typed(key, (v): v is bigint => typeof v === 'bigint');
  }

  getList(key: string): string[] | null {
    return this.typed(key, (v): v is string[] => Array.isArray(v));
  }

  getPassword(key: string): Password | null {
    return this.typed(key, (v): v is Password => v instanceof Password);
  }

  private typed<T>(key: string, is: (v: ConfigValueType) => v is T & ConfigValueType): T | null {
    const value = this.get(key);
    if (value === null) return null;
    if (!is(value)) throw new Error(`Configuration '${key}' does not have the requested type`);
    return value;
  }
}
