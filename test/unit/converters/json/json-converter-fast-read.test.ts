import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FastToConnect } from '#lib/converters/json/fast-to-connect';
import { writeJsonSchema } from '#lib/converters/json/json-schema-writer';
import {
  ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Schema, SchemaBuilder, type SchemaAndValue, type Schema as S,
} from '#lib/data/index';
import { schemaAndValueArb, schemaArb } from '../connect-arbitraries';
import { converters, expectSameOutcome, jsonText, numberLiteral, sameValue, trickyString } from './fast-path-support';

const OPTIONS = { decimalFormat: 'BASE64', replaceNullWithDefault: true } as const;

function sameSchemaAndValue(a: SchemaAndValue, b: SchemaAndValue): boolean {
  const sameSchema = a.schema === null ? b.schema === null : a.schema.equals(b.schema);
  return sameSchema && sameValue(a.value, b.value);
}

/** Reads `text` with and without fast paths, expecting the same schema and value, or the same error. */
function expectSameRead(text: string | Uint8Array, config: Record<string, string> = {}): void {
  const { fast, reference } = converters(config);
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  // Twice: the first read teaches the fast path the schema text, the second may use it.
  for (let i = 0; i < 2; i++) {
    expectSameOutcome(() => fast.toConnectData('t', undefined, bytes), () => reference.toConnectData('t', undefined, bytes), sameSchemaAndValue);
  }
}

const envelope = (schema: S | null, payload: string): string => `{"schema":${schema === null ? 'null' : writeJsonSchema(schema, OPTIONS)},"payload":${payload}}`;

describe('JsonConverter fast path, bytes to Connect data', () => {
  it.each<Record<string, string>>([{}, { 'schemas.enable': 'false' }, { 'replace.null.with.default': 'false' }, { 'decimal.format': 'NUMERIC' }])(
    'reads what Kafka writes for any schema and value as the reference path does (%o)',
    (config) => {
      const { reference } = converters(config);
      fc.assert(
        fc.property(schemaAndValueArb, ([schema, value]) => {
          const bytes = reference.fromConnectData('t', undefined, schema, value);
          if (bytes !== null) expectSameRead(bytes, config);
        }),
        { numRuns: 400 },
      );
    },
  );

  it('reads what Kafka writes itself, without bailing, once it knows the schema text', () => {
    const { reference } = converters();
    fc.assert(
      fc.property(schemaAndValueArb, ([schema, value]) => {
        const bytes = reference.fromConnectData('t', undefined, schema, value) as Uint8Array;
        const fast = new FastToConnect(OPTIONS, true);
        fast.remember(writeJsonSchema(schema, OPTIONS), schema);

        expect(sameSchemaAndValue(fast.read(bytes), reference.toConnectData('t', undefined, bytes))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('reads any JSON text without schemas as the reference path does, or fails the same way', () => {
    fc.assert(fc.property(jsonText, (text) => expectSameRead(text, { 'schemas.enable': 'false' })), { numRuns: 2000 });
  });

  it('reads a stream of different JSON texts through one converter as the reference path does (member names and their colons reused across documents)', () => {
    // Member names as written between the quotes: plain, escaped, and `\\n` (backslash + n) vs `\n` (newline).
    const member = fc.constantFrom('a', 'b', 'ab', 'a\\"b', 'k\\u0041', 'é', '', '\\\\n', '\\n');
    // The colon right after the name (matched with it) or after whitespace (read the long way).
    const colon = fc.constantFrom(':', ':', ' :', '\t:', ': ');
    const object = fc.array(fc.tuple(member, colon, jsonText), { maxLength: 5 }).map((members) => `{${members.map(([k, c, v]) => `"${k}"${c}${v}`).join(',')}}`);
    fc.assert(
      fc.property(fc.array(object, { minLength: 2, maxLength: 8 }), (texts) => {
        const { fast, reference } = converters({ 'schemas.enable': 'false' });
        for (const text of texts) {
          const bytes = Buffer.from(text, 'utf8');
          expectSameOutcome(() => fast.toConnectData('t', undefined, bytes), () => reference.toConnectData('t', undefined, bytes), sameSchemaAndValue);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads any JSON payload against any schema as the reference path does, or fails the same way', () => {
    fc.assert(fc.property(schemaArb, jsonText, (schema, payload) => expectSameRead(envelope(schema, payload))), { numRuns: 2000 });
  });

  it.each<[string, S | null]>([
    ['int8', Schema.INT8_SCHEMA], ['int16', Schema.INT16_SCHEMA], ['int32', Schema.INT32_SCHEMA], ['int64', Schema.INT64_SCHEMA],
    ['float32', Schema.FLOAT32_SCHEMA], ['float64', Schema.FLOAT64_SCHEMA], ['decimal', ConnectDecimal.schema(3)], ['date', ConnectDate.SCHEMA],
    ['time', ConnectTime.SCHEMA], ['timestamp', ConnectTimestamp.SCHEMA], ['boolean', Schema.BOOLEAN_SCHEMA], ['no schema', null],
  ])('reads every form of number literal for %s as the reference path does', (_name, schema) => {
    fc.assert(fc.property(numberLiteral, (literal) => {
      expectSameRead(envelope(schema, literal));
      expectSameRead(envelope(schema, `[${literal}]`));
      expectSameRead(literal, { 'schemas.enable': 'false' });
    }), { numRuns: 300 });
  });

  it('reads strings with escapes, non-ASCII characters and surrogates as the reference path does', () => {
    fc.assert(fc.property(trickyString, (s) => {
      expectSameRead(envelope(Schema.STRING_SCHEMA, JSON.stringify(s)));
      expectSameRead(JSON.stringify({ [s]: s, k: s }), { 'schemas.enable': 'false' });
    }), { numRuns: 1000 });
  });

  it.each([
    ['raw control characters in strings', '{"a":"x\ty"}'],
    ['a raw unit separator in a string', '["x\u001fy"]'],
    ['a raw control character next to non-ASCII text', '["é\u0001"]'],
    ['non-ASCII text without control characters', '{"é":"ü€😀"}'],
    ['a raw control character in a member name', '{"a\u0001":1}'],
    ['a raw control character in a string with escapes', '["\\n\u0002"]'],
    ['a root number followed by a letter', '12b'],
    ['a root number followed by a point', '1.5.2'],
    ['a root number followed by a sign', '7-'],
    ['a root number followed by an underscore', '8_'],
    ['a root literal followed by a digit', 'false1'],
    ['an unknown escape', '{"a":"\\x"}'],
    ['a broken unicode escape', '{"a":"\\u12G4"}'],
    ['an unterminated string', '{"a":"abc'],
    ['a number followed by letters', '[1a]'],
    ['a lone minus', '-'],
    ['a fraction without digits', '1.'],
    ['an exponent without digits', '1e+'],
    ['trailing content after the value', '{"a":1} trailing'],
    ['trailing content after a number', '12 34'],
    ['a misspelt literal', 'nul'],
    ['a literal followed by letters', 'trueish'],
    ['a missing comma', '{"a":1 "b":2}'],
    ['a trailing comma', '[1,]'],
    ['repeated keys', '{"a":1,"b":2,"a":3}'],
    ['whitespace everywhere', ' \n{ "a" : [ 1 , 2 ] ,\t"b" : { } }\r\n'],
    ['an empty document', ''],
    ['a blank document', '   '],
    ['a byte order mark', '\ufeff{"a":1}'],
    ['arrays nested 999 deep', `${'['.repeat(999)}${']'.repeat(999)}`],
    ['arrays nested 1000 deep', `${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['arrays nested 1001 deep', `${'['.repeat(1001)}${']'.repeat(1001)}`],
  ])('reads %s without schemas as the reference path does', (_name, text) => {
    expectSameRead(text, { 'schemas.enable': 'false' });
  });

  it.each([
    ['compact', '{"a":1,"ab":"x","b":true}'],
    ['whitespace around the colons', '{"a" :1,"ab": "x","b"\t:\ntrue}'],
    ['a longer name where a shorter one is expected', '{"ab":"x","a":1,"b":true}'],
    ['a name that is a prefix of the expected one', '{"a":1,"a":2,"b":true}'],
    ['a name with a quote where the expected one ends', '{"a\\"":1,"a":1,"ab":"x","b":false}'],
    ['an unknown member between known ones', '{"a":1,"zz":[1,{"a":2}],"ab":"x","b":true}'],
    ['members out of order', '{"b":true,"ab":"x","a":1}'],
    ['a missing required member', '{"a":1,"ab":"x"}'],
  ])('reads struct members matched by name and colon (%s) as the reference path does', (_name, payload) => {
    const schema = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('ab', Schema.OPTIONAL_STRING_SCHEMA).field('b', Schema.BOOLEAN_SCHEMA).build();
    expectSameRead(envelope(schema, payload));
  });

  it('reads malformed UTF-8 as the reference path does', () => {
    expectSameRead(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), { 'schemas.enable': 'false' });
    const good = Buffer.from(envelope(Schema.STRING_SCHEMA, '"é"'));
    expectSameRead(Buffer.concat([good.subarray(0, good.length - 3), Buffer.from([0xff]), good.subarray(good.length - 3)]));
    expectSameRead(Buffer.concat([good, Buffer.from([0xff])]));
  });

  const STRUCT = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('b', Schema.OPTIONAL_STRING_SCHEMA)
    .field('c', SchemaBuilder.string().defaultValue('dflt').build()).field('d', SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).optional().build()).build();
  it.each([
    ['members in another order', '{"b":"x","a":1,"c":"y"}'],
    ['unknown members', '{"a":1,"zz":[1,{"q":null}],"c":"y"}'],
    ['repeated members', '{"a":1,"a":2,"c":"y","c":"z"}'],
    ['a missing required member', '{"b":"x","c":"y"}'],
    ['a missing defaulted member', '{"a":1}'],
    ['a null for a defaulted member', '{"a":1,"c":null}'],
    ['a null for a required member', '{"a":null,"c":"y"}'],
    ['a lenient number for a string', '{"a":1,"b":5,"c":"y"}'],
    ['a string for an int', '{"a":"1","c":"y"}'],
    ['a fraction for an int', '{"a":1.9,"c":"y"}'],
    ['an int beyond 32 bits', '{"a":4294967297,"c":"y"}'],
    ['map entries as tuples', '{"a":1,"c":"y","d":[[1,"x"],[2,null],[1,"z"]]}'],
    ['a map entry that is not a pair', '{"a":1,"c":"y","d":[[1,"x",3]]}'],
    ['an escaped member name', '{"\\u0061":1,"c":"y"}'],
    ['whitespace inside', '{ "a" : 1 , "c" : "y" }'],
    ['an array for the struct', '[1,2]'],
  ])('reads a struct with %s as the reference path does', (_name, payload) => {
    expectSameRead(envelope(STRUCT, payload));
    expectSameRead(envelope(STRUCT, payload), { 'replace.null.with.default': 'false' });
  });

  it.each([
    ['spaces in the envelope', `{ "schema": ${writeJsonSchema(Schema.INT32_SCHEMA, OPTIONS)}, "payload": 5 }`],
    ['payload first', `{"payload":5,"schema":${writeJsonSchema(Schema.INT32_SCHEMA, OPTIONS)}}`],
    ['an extra member', `${envelope(Schema.INT32_SCHEMA, '5').slice(0, -1)},"extra":1}`],
    ['a repeated schema', `${envelope(Schema.INT32_SCHEMA, '5').slice(0, -1)},"schema":${writeJsonSchema(Schema.INT64_SCHEMA, OPTIONS)}}`],
    ['no payload', `{"schema":${writeJsonSchema(Schema.INT32_SCHEMA, OPTIONS)}}`],
    ['trailing content', `${envelope(Schema.INT32_SCHEMA, '5')} trailing`],
    ['a truncated document', envelope(Schema.INT32_SCHEMA, '5').slice(0, -1)],
    ['a null schema', envelope(null, '{"a":[1,2.5,"x"]}')],
    ['a non-ASCII payload', envelope(Schema.STRING_SCHEMA, '"ünïcödé ✓"')],
    ['a non-ASCII payload with a raw control character', envelope(Schema.STRING_SCHEMA, '"ü\u0002"')],
    ['a raw control character after the payload', `${envelope(Schema.STRING_SCHEMA, '"x"')}\u0003`],
    ['a non-ASCII schema', envelope(SchemaBuilder.string().doc('dóc').build(), '"x"')],
    ['a payload that is not JSON', envelope(Schema.INT32_SCHEMA, 'x')],
  ])('reads an envelope with %s as the reference path does', (_name, text) => {
    expectSameRead(text);
  });

  it('reads documents of more schemas than it keeps as the reference path does', () => {
    const schemas = [Schema.INT32_SCHEMA, Schema.INT64_SCHEMA, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA, Schema.BOOLEAN_SCHEMA, null];
    const { fast, reference } = converters();
    for (let i = 0; i < 40; i++) {
      const schema = schemas[(i * 7) % schemas.length] as S | null;
      const bytes = Buffer.from(envelope(schema, schema === Schema.BOOLEAN_SCHEMA ? 'true' : schema?.type === 'STRING' ? '"s"' : '5'));
      expectSameOutcome(() => fast.toConnectData('t', undefined, bytes), () => reference.toConnectData('t', undefined, bytes), sameSchemaAndValue);
    }
  });
});
