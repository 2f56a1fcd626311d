import type { ConnectHeaders, Schema, SchemaAndValue } from '#lib/data/index';
import type { ConfigDef } from '#lib/plugin/config-def';

/** Raw converter settings: the `key.converter.` / `value.converter.` / `header.converter.` keys, prefix stripped. */
export type ConverterConfigs = Readonly<Record<string, string>>;

/**
 * Kafka's `org.apache.kafka.connect.storage.Converter`: Connect data ↔ record key or value bytes.
 *
 * Lifecycle: the runtime creates one instance per task and per slot (key or value), calls
 * `configure` exactly once before anything else, then calls `fromConnectData` (source tasks) or
 * `toConnectData` (sink tasks) once per record, never concurrently on one instance — an instance may
 * keep caches without locking. `close` is called once when the task stops. Errors are DataErrors;
 * the runtime's error handling (errors.tolerance) decides whether a failed record stops the task.
 */
export interface Converter {
  /** `isKey` tells a key converter from a value converter (it sets `converter.type`). */
  configure(configs: ConverterConfigs, isKey: boolean): void;
  /** Serialises a value; null means a null record value (a tombstone). Headers may be read or changed. */
  fromConnectData(topic: string, headers: ConnectHeaders | undefined, schema: Schema | null | undefined, value: unknown): Uint8Array | null;
  /** Deserialises record bytes (null for a tombstone) into a schema and value. */
  toConnectData(topic: string, headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue;
  /** The settings this converter accepts. */
  config(): ConfigDef;
  close?(): void;
}

/**
 * Kafka's `org.apache.kafka.connect.storage.HeaderConverter`: one header value ↔ bytes.
 *
 * Lifecycle: one instance per task, `configure` once first (the runtime passes
 * `converter.type=header`), then one call per header of each record, never concurrently on one
 * instance; `close` once at the end.
 */
export interface HeaderConverter {
  configure(configs: ConverterConfigs): void;
  /** The header's value from its raw bytes (null bytes give a null value and schema). */
  toConnectHeader(topic: string, headerKey: string, value: Uint8Array | null): SchemaAndValue;
  /** The header's bytes; null when the value is null. */
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null;
  config(): ConfigDef;
  close?(): void;
}
