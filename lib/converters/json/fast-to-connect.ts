import { SchemaAndValue, type Schema } from '#lib/data/index';
import { asBuffer, bytesAt, textFrom } from '#lib/converters/buffer-text';
import { bail } from './fast-path-bail';
import { compileReader, readSchemaless, type FastReader } from './fast-readers';
import { JsonCursor } from './json-cursor';
import type { JsonConversionOptions } from './json-write-options';

const SCHEMA_PREFIX = Buffer.from('{"schema":');
const PAYLOAD_PREFIX = Buffer.from(',"payload":');
/** Schema texts tried before giving up (most recent first); a topic rarely alternates between more. */
const RECENT_SCHEMAS = 4;

interface KnownSchema {
  readonly bytes: Buffer;
  readonly schema: Schema | null;
  readonly read: FastReader;
}

/**
 * JsonConverter's `toConnectData` without the intermediate tree, for the documents Kafka writes:
 * without schemas, any JSON value; with schemas, exactly `{"schema":S,"payload":P}` where S is the
 * byte-for-byte text of a schema the reference path has already read (`remember`), so the schema is
 * compared, never parsed. Only the payload's bytes are decoded. Throws (usually BAIL) for everything
 * else; the caller then uses the reference path, which also gives every error.
 */
export class FastToConnect {
  readonly #recent: KnownSchema[] = [];
  /** Member names by position in the document, shared by the documents read here (see JsonCursor.key). */
  readonly #keys: string[] = [];

  constructor(
    readonly options: JsonConversionOptions,
    readonly schemasEnabled: boolean,
  ) {}

  read(bytes: Uint8Array): SchemaAndValue {
    const buf = asBuffer(bytes);
    if (!this.schemasEnabled) {
      const c = new JsonCursor(textFrom(buf, 0), 0, this.#keys);
      if (Number.isNaN(c.peek())) bail();
      return new SchemaAndValue(null, readSchemaless(c, 0));
    }
    if (!bytesAt(buf, 0, SCHEMA_PREFIX)) bail();
    const known = this.#knownAt(buf, SCHEMA_PREFIX.length);
    const c = new JsonCursor(textFrom(buf, SCHEMA_PREFIX.length + known.bytes.length + PAYLOAD_PREFIX.length), 0, this.#keys);
    const value = known.read(c, 1);
    if (c.peek() !== 125) bail();
    return new SchemaAndValue(known.schema, value);
  }

  /** Records a schema text the reference path has read, and the schema it stands for. */
  remember(schemaText: string, schema: Schema | null): void {
    const recent = this.#recent;
    const index = recent.findIndex((k) => k.bytes.toString('utf8') === schemaText);
    const old = index >= 0 ? (recent.splice(index, 1)[0] as KnownSchema) : undefined;
    recent.unshift(old?.schema === schema ? old : { bytes: Buffer.from(schemaText, 'utf8'), schema, read: compileReader(schema, this.options) });
    if (recent.length > RECENT_SCHEMAS) recent.pop();
  }

  #knownAt(buf: Buffer, pos: number): KnownSchema {
    const recent = this.#recent;
    for (let i = 0; i < recent.length; i++) {
      const known = recent[i] as KnownSchema;
      const end = pos + known.bytes.length;
      if (!bytesAt(buf, end, PAYLOAD_PREFIX) || !bytesAt(buf, pos, known.bytes)) continue;
      if (i > 0) {
        recent.splice(i, 1);
        recent.unshift(known);
      }
      return known;
    }
    return bail();
  }
}
