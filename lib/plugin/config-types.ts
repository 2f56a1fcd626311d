/**
 * The vocabulary of Kafka's `ConfigDef`: types, importance, width, keys, validators, recommenders
 * and per-key validation results. Names and values match Kafka's so they serialise as Kafka's do.
 */
import type { Password } from './password';

export type ConfigType = 'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

/** Importance in Kafka's enum order (used when sorting keys). */
export const IMPORTANCE_ORDER: readonly Importance[] = ['HIGH', 'MEDIUM', 'LOW'];

/** Marks a key without a default: it is required. */
export const NO_DEFAULT: unique symbol = Symbol('ConfigDef.NO_DEFAULT_VALUE');
export type NoDefault = typeof NO_DEFAULT;

/**
 * A parsed value: BOOLEAN → boolean, STRING → string, INT/SHORT/DOUBLE → number, LONG → bigint
 * (64 bits without loss), LIST → string[], CLASS → the class name, PASSWORD → Password.
 */
export type ConfigValueType = boolean | string | number | bigint | string[] | Password | null;

/** How CLASS values are resolved; without a resolver a class name is kept as given (trimmed). */
export interface ParseOptions {
  /** The class name (FQCN) an alias or class name stands for, or undefined if no such class exists. */
  resolveClass?: (name: string) => string | undefined;
}

/** Checks one parsed value; throws ConfigException to reject it. `value` is null when parsing failed. */
export interface Validator {
  ensureValid(name: string, value: unknown): void;
  /** The "Valid Values" text of Kafka's docs. */
  toString(): string;
}

/** Kafka's `ConfigDef.Recommender`: valid values and visibility given the other parsed values. */
export interface Recommender {
  validValues(name: string, parsedConfig: Readonly<Record<string, unknown>>): unknown[];
  visible(name: string, parsedConfig: Readonly<Record<string, unknown>>): boolean;
}

/** What `define()` takes; omitting `defaultValue` (or passing NO_DEFAULT) makes the key required. */
export interface ConfigKeyDefinition {
  name: string;
  type: ConfigType;
  /** A raw string or an already typed value; parsed like a supplied value. `null` is a valid default. */
  defaultValue?: unknown;
  validator?: Validator | null;
  importance: Importance;
  documentation?: string | null;
  group?: string | null;
  /** Defaults to -1, as Kafka's short `define` forms. */
  orderInGroup?: number;
  /** Defaults to NONE. */
  width?: Width;
  /** Defaults to the key name. */
  displayName?: string;
  dependents?: readonly string[];
  recommender?: Recommender | null;
  internalConfig?: boolean;
  alternativeString?: string | null;
}

/** A defined key, its default already parsed (and validated, as Kafka does at definition time). */
export interface ConfigKey {
  readonly name: string;
  readonly type: ConfigType;
  readonly defaultValue: ConfigValueType | NoDefault;
  readonly validator: Validator | null;
  readonly importance: Importance;
  readonly documentation: string | null;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: Width;
  readonly displayName: string;
  readonly dependents: readonly string[];
  readonly recommender: Recommender | null;
  readonly internalConfig: boolean;
  readonly alternativeString: string | null;
}

/** Kafka's `ConfigValue`: one key's validation result. `value` is the parsed value (null on error). */
export interface ConfigValue {
  name: string;
  value: unknown;
  recommendedValues: unknown[];
  errorMessages: string[];
  visible: boolean;
}

export function newConfigValue(name: string, value: unknown = null): ConfigValue {
  return { name, value, recommendedValues: [], errorMessages: [], visible: true };
}

export function hasDefault(key: ConfigKey): boolean {
  return key.defaultValue !== NO_DEFAULT;
}
