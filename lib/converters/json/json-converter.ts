import { SchemaAndValue, type ConnectHeaders, type Schema } from '#lib/data/index';
import type { Converter, ConverterConfigs, HeaderConverter } from '#lib/converters/converter';
import { withConverterType } from '#lib/converters/converter-config';
import { LruCache } from '#lib/converters/lru-cache';
import type { ConfigDef } from '#lib/plugin/config-def';
import { DataError } from '#lib/errors';
import { JSON_CONVERTER_CONFIG_DEF, parseJsonConverterConfig, type JsonConverterConfig } from './json-converter-config';
import { FastToConnect } from './fast-to-connect';
import { compileFastWriter, type FastWriter } from './fast-writers';
import { JsonByteWriter } from './json-byte-writer';
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
  /** The fast path's writer, and what precedes the payload with schemas enabled. */
  fastWrite: FastWriter;
  envelopePrefix: Buffer;
}

export const JSON_CONVERTER_CLASS = 'org.apache.kafka.connect.json.JsonConverter';

export interface JsonConverterOptions {
  /**
   * Whether to try the fast paths first (default true). They give the same bytes and values as the
   * reference paths, which handle whatever the fast paths bail on; false is for tests and comparisons.
   */
  readonly fastPaths?: boolean;
}

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
  #fastToConnect = new FastToConnect(this.#config, this.#config.schemasEnabled);
  readonly #bytes = new JsonByteWriter();
  readonly #fastPaths: boolean;

  constructor(options: JsonConverterOptions = {}) {
    this.#fastPaths = options.fastPaths ?? true;
  }

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
    this.#fastToConnect = new FastToConnect(this.#config, this.#config.schemasEnabled);
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | undefined, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    const s = schema ?? null;
    if (s === null && (value === null || value === undefined)) return null;
    const compiled = s === null ? undefined : this.#compiled(s);
    if (compiled !== undefined && this.#fastPaths) {
      try {
        return this.#fastFromConnect(compiled, value);
      } catch {
        // Not a value the fast path writes (or not valid at all): the reference path decides.
      }
    }
    const payload = compiled === undefined ? this.#schemalessWriter(value) : compiled.write(value);
    const json = this.#config.schemasEnabled ? `{"schema":${compiled?.json ?? 'null'},"payload":${payload}}` : payload;
    return Buffer.from(json, 'utf8');
  }

  /** The fast path: bytes written directly, the schema's JSON copied from the bytes cached with it. */
  #fastFromConnect(compiled: CompiledSchema, value: unknown): Buffer {
    const w = this.#bytes;
    w.begin();
    if (this.#config.schemasEnabled) w.bytes(compiled.envelopePrefix);
    compiled.fastWrite(w, value);
    if (this.#config.schemasEnabled) w.byte(125);
    return w.finish();
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue {
    if (value === null || value === undefined) return SchemaAndValue.NULL;
    if (this.#fastPaths) {
      try {
        return this.#fastToConnect.read(value);
      } catch {
        // Not a document the fast path reads (or not valid at all): the reference path decides.
      }
    }
    return this.#toConnectData(value);
  }

  /** The reference `toConnectData`: the whole text, its tree, then `toConnect`. */
  #toConnectData(value: Uint8Array): SchemaAndValue {
    const text = decode(value);
    let schema: Schema | null = null;
    let payload: JsonValue | undefined;
    try {
      if (this.#config.schemasEnabled) {
        const envelope = readEnvelope(text, this.#recentSchemaText);
        if (!envelope.valid) throw new DataError(ENVELOPE_ERROR);
        schema = envelope.schemaIsRecent ? this.#recentSchema : this.#schemaAt(text, envelope.schemaStart, envelope.schemaText);
        if (this.#fastPaths) this.#fastToConnect.remember(this.#recentSchemaText, schema);
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
      compiled = {
        json,
        write: compileWriter(schema, this.#config),
        fastWrite: compileFastWriter(schema, this.#config),
        envelopePrefix: Buffer.from(`{"schema":${json},"payload":`, 'utf8'),
      };
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
