import { SchemaAndValue, type Schema } from '#lib/data/index';
import { asBuffer, bytesAt, latin1, strictUtf8From } from '#lib/converters/buffer-text';
import { isPrintableAscii } from '#lib/converters/printable-ascii';
import { bail } from './fast-path-bail';
import { compileReader, readSchemaless, type FastReader } from './fast-readers';
import { JsonCursor, MemberNames } from './json-cursor';
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
  readonly #keys = new MemberNames();

  constructor(
    readonly options: JsonConversionOptions,
    readonly schemasEnabled: boolean,
  ) {}

  read(bytes: Uint8Array): SchemaAndValue {
    const buf = asBuffer(bytes);
    if (!this.schemasEnabled) {
      const c = cursorAt(buf, 0, this.#keys);
      if (Number.isNaN(c.peek())) bail();
      return new SchemaAndValue(null, readSchemaless(c, 0));
    }
    if (!bytesAt(buf, 0, SCHEMA_PREFIX)) bail();
    const known = this.#knownAt(buf, SCHEMA_PREFIX.length);
    const c = cursorAt(buf, SCHEMA_PREFIX.length + known.bytes.length + PAYLOAD_PREFIX.length, this.#keys);
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

// eslint-disable-next-line no-control-regex
const CONTROL_OR_HIGH = /[\u0000-\u001f\u0080-\u00ff]/;
const HIGH = /[\u0080-\u00ff]/;

/**
 * A cursor on the text of `buf` from `start` to its end, which the reference path decodes as strict
 * UTF-8. Bytes that are all printable ASCII (checked a word at a time) are that text as latin1, the
 * cheapest decoding, with no control character. Otherwise one regex pass over the latin1 text shows
 * whether it is still the text (DEL aside, every byte ASCII) and whether it holds a control
 * character; only text with other bytes is decoded again, strictly (a TypeError for malformed UTF-8).
 */
function cursorAt(buf: Buffer, start: number, keys: MemberNames): JsonCursor {
  if (isPrintableAscii(buf, start, buf.length)) return new JsonCursor(latin1(buf, start, buf.length), 0, keys, true);
  const text = latin1(buf, start, buf.length);
  if (!CONTROL_OR_HIGH.test(text)) return new JsonCursor(text, 0, keys, true);
  return new JsonCursor(HIGH.test(text) ? strictUtf8From(buf, start) : text, 0, keys);
}
