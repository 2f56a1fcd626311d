import { SchemaAndValue, type ConnectHeaders, type Schema } from '#lib/data/index';
import type { Converter, ConverterConfigs, HeaderConverter } from '#lib/converters/converter';
import { withConverterType } from '#lib/converters/converter-config';
import { LruCache } from '#lib/converters/lru-cache';
import type { ConfigDef } from '#lib/plugin/config-def';
import { DataError } from '#lib/errors';
import { JSON_CONVERTER_CONFIG_DEF, parseJsonConverterConfig, type JsonConverterConfig } from './json-converter-config';
import { readEnvelope } from './json-envelope';
import { JsonReader, JsonSyntaxError } from './json-reader';
import { readJsonSchema } from './json-schema-reader';
import { writeJsonSchema } from './json-schema-writer';
import type { JsonValue } from './json-value';
import { toConnect, type ToConnectContext } from './to-connect';
import { compileWriter, type ValueWriter } from './to-json';

interface CompiledSchema {
  json: string;
  write: ValueWriter;
}

export const JSON_CONVERTER_CLASS = 'org.apache.kafka.connect.json.JsonConverter';

const ENVELOPE_ERROR =
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields.' +
  ' If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Kafka's `org.apache.kafka.connect.json.JsonConverter` (also a HeaderConverter), byte-compatible with
 * it: same envelope, schema JSON, value encodings and compact Jackson formatting. Schema ↔ JSON
 * translations are cached (`schemas.cache.size`): Connect schemas by identity, JSON schemas by text.
 */
export class JsonConverter implements Converter, HeaderConverter {
  #config: JsonConverterConfig = parseJsonConverterConfig({ 'converter.type': 'value' });
  #fromConnectSchemas = new LruCache<Schema, CompiledSchema>(1000);
  #schemalessWriter: ValueWriter = compileWriter(null, this.#config);
  #toConnectSchemas = new LruCache<string, Schema | null>(1000);
  #recentSchemaText = '';
  #recentSchema: Schema | null = null;

  config(): ConfigDef {
    return JSON_CONVERTER_CONFIG_DEF;
  }

  /** Kafka's `configure(Map)`: `converter.type` must be among the configs (HeaderConverter form). */
  configure(configs: ConverterConfigs, isKey?: boolean): void {
    this.#config = parseJsonConverterConfig(isKey === undefined ? configs : withConverterType(configs, isKey));
    this.#fromConnectSchemas = new LruCache(this.#config.schemaCacheSize);
    this.#toConnectSchemas = new LruCache(this.#config.schemaCacheSize);
    this.#schemalessWriter = compileWriter(null, this.#config);
    this.#recentSchemaText = '';
    this.#recentSchema = null;
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | undefined, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    const s = schema ?? null;
    if (s === null && (value === null || value === undefined)) return null;
    const compiled = s === null ? undefined : this.#compiled(s);
    const payload = compiled === undefined ? this.#schemalessWriter(value) : compiled.write(value);
    const json = this.#config.schemasEnabled ? `{"schema":${compiled?.json ?? 'null'},"payload":${payload}}` : payload;
    return Buffer.from(json, 'utf8');
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue {
    if (value === null || value === undefined) return SchemaAndValue.NULL;
    const text = decode(value);
    let schema: Schema | null = null;
    let payload: JsonValue | undefined;
    try {
      if (this.#config.schemasEnabled) {
        const envelope = readEnvelope(text, this.#recentSchemaText);
        if (!envelope.valid) throw new DataError(ENVELOPE_ERROR);
        schema = envelope.schemaIsRecent ? this.#recentSchema : this.#schemaAt(text, envelope.schemaStart, envelope.schemaText);
        payload = envelope.payload;
      } else {
        payload = JsonReader.readRoot(text);
      }
    } catch (err) {
      throw err instanceof JsonSyntaxError ? serializationError(err) : err;
    }
    return new SchemaAndValue(schema, this.#convert(schema, payload));
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, undefined, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, undefined, value);
  }

  /** Kafka's `asJsonSchema`, as compact JSON text (cached). */
  asJsonSchema(schema: Schema): string {
    return this.#compiled(schema).json;
  }

  /** Kafka's `asConnectSchema` of a parsed JSON schema (not cached; toConnectData caches by text). */
  asConnectSchema(json: JsonValue): Schema | null {
    return readJsonSchema(json, this.#config);
  }

  /** Sizes of the two schema caches (Kafka's sizeOfFromConnectSchemaCache / sizeOfToConnectSchemaCache). */
  cacheSizes(): { fromConnect: number; toConnect: number } {
    return { fromConnect: this.#fromConnectSchemas.size, toConnect: this.#toConnectSchemas.size };
  }

  #compiled(schema: Schema): CompiledSchema {
    let compiled = this.#fromConnectSchemas.get(schema);
    if (compiled === undefined) {
      const json = writeJsonSchema(schema, this.#config, (nested) => this.asJsonSchema(nested));
      compiled = { json, write: compileWriter(schema, this.#config) };
      this.#fromConnectSchemas.set(schema, compiled);
    }
    return compiled;
  }

  #schemaAt(text: string, start: number, schemaText: string): Schema | null {
    const cached = this.#toConnectSchemas.get(schemaText);
    if (cached !== undefined) {
      this.#recentSchemaText = schemaText;
      this.#recentSchema = cached;
      return cached;
    }
    const reader = new JsonReader(text);
    reader.pos = start;
    const schema = readJsonSchema(reader.readValue(1), this.#config);
    this.#recentSchemaText = text.slice(start, reader.pos);
    this.#recentSchema = schema;
    this.#toConnectSchemas.set(this.#recentSchemaText, schema);
    return schema;
  }

  #convert(schema: Schema | null, payload: JsonValue | undefined): unknown {
    const ctx: ToConnectContext = { options: this.#config, strict: false, sawNullForRequired: false };
    const value = toConnect(schema, payload, ctx);
    if (!ctx.sawNullForRequired) return value;
    return toConnect(schema, payload, { options: this.#config, strict: true, sawNullForRequired: false });
  }
}

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (err) {
    throw serializationError(err);
  }
}

function serializationError(cause: unknown): DataError {
  return new DataError('Converting byte[] to Kafka Connect data failed due to serialization error: ', { cause });
}
