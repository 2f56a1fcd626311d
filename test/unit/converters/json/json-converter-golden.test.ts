import { describe, expect, it } from 'vitest';
import { JsonConverter } from '#lib/converters/json/json-converter';
import {
  BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, Schema, SchemaBuilder, Struct, valuesEqual, type Schema as S,
} from '#lib/data/index';

// Kafka JsonConverterTest's cases, with the exact bytes Kafka's Jackson writes for them (compact, members
// in ObjectNode insertion order: type, items/keys/values/fields, optional, name, version, doc, parameters, default).
const STRUCT = SchemaBuilder.struct().field('field1', Schema.BOOLEAN_SCHEMA).field('field2', Schema.STRING_SCHEMA)
  .field('field3', Schema.STRING_SCHEMA).field('field4', Schema.BOOLEAN_SCHEMA).build();
const DEFAULTED = SchemaBuilder.struct().field('field1', SchemaBuilder.string().optional().defaultValue('default').build()).build();

interface Golden { name: string; schema: S | null; value: unknown; json: string; config?: Record<string, string>; read?: unknown }

const envelope = (schema: string, payload: string): string => `{"schema":${schema},"payload":${payload}}`;

const GOLDEN: Golden[] = [
  { name: 'boolean', schema: Schema.BOOLEAN_SCHEMA, value: true, json: envelope('{"type":"boolean","optional":false}', 'true') },
  { name: 'int8', schema: Schema.INT8_SCHEMA, value: 12, json: envelope('{"type":"int8","optional":false}', '12') },
  { name: 'int16', schema: Schema.INT16_SCHEMA, value: 12, json: envelope('{"type":"int16","optional":false}', '12') },
  { name: 'int32', schema: Schema.INT32_SCHEMA, value: 12, json: envelope('{"type":"int32","optional":false}', '12') },
  { name: 'int64', schema: Schema.INT64_SCHEMA, value: 4398046511104n, json: envelope('{"type":"int64","optional":false}', '4398046511104') },
  { name: 'int64 beyond 2^53', schema: Schema.INT64_SCHEMA, value: 9223372036854775807n, json: envelope('{"type":"int64","optional":false}', '9223372036854775807') },
  { name: 'float32', schema: Schema.FLOAT32_SCHEMA, value: Math.fround(12.34), json: envelope('{"type":"float","optional":false}', '12.34') },
  { name: 'float64', schema: Schema.FLOAT64_SCHEMA, value: 12.34, json: envelope('{"type":"double","optional":false}', '12.34') },
  { name: 'float64 integral', schema: Schema.FLOAT64_SCHEMA, value: 1, json: envelope('{"type":"double","optional":false}', '1.0') },
  { name: 'float64 large', schema: Schema.FLOAT64_SCHEMA, value: 1e10, json: envelope('{"type":"double","optional":false}', '1.0E10') },
  { name: 'float64 small', schema: Schema.FLOAT64_SCHEMA, value: 1.5e-7, json: envelope('{"type":"double","optional":false}', '1.5E-7') },
  { name: 'float64 negative zero', schema: Schema.FLOAT64_SCHEMA, value: -0, json: envelope('{"type":"double","optional":false}', '-0.0') },
  { name: 'float32 large', schema: Schema.FLOAT32_SCHEMA, value: Math.fround(3.4e38), json: envelope('{"type":"float","optional":false}', '3.4E38') },
  { name: 'bytes', schema: Schema.BYTES_SCHEMA, value: Buffer.from('test-string'), json: envelope('{"type":"bytes","optional":false}', '"dGVzdC1zdHJpbmc="') },
  { name: 'string', schema: Schema.STRING_SCHEMA, value: 'test-string', json: envelope('{"type":"string","optional":false}', '"test-string"') },
  { name: 'string escapes', schema: Schema.STRING_SCHEMA, value: 'a"b\\c\n\u0001/é😀', json: envelope('{"type":"string","optional":false}', '"a\\"b\\\\c\\n\\u0001/é\\uD83D\\uDE00"') },
  { name: 'array', schema: SchemaBuilder.array(Schema.INT32_SCHEMA).build(), value: [1, 2, 3],
    json: envelope('{"type":"array","items":{"type":"int32","optional":false},"optional":false}', '[1,2,3]') },
  { name: 'map with string keys', schema: SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), value: new Map([['key1', 12], ['key2', 15]]),
    json: envelope('{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"int32","optional":false},"optional":false}', '{"key1":12,"key2":15}') },
  { name: 'map with int keys', schema: SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build(), value: new Map([[1, 12], [2, 15]]),
    json: envelope('{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"int32","optional":false},"optional":false}', '[[1,12],[2,15]]') },
  { name: 'struct', schema: STRUCT, value: new Struct(STRUCT).put('field1', true).put('field2', 'string2').put('field3', 'string3').put('field4', false),
    json: envelope('{"type":"struct","fields":[{"type":"boolean","optional":false,"field":"field1"},{"type":"string","optional":false,"field":"field2"},{"type":"string","optional":false,"field":"field3"},{"type":"boolean","optional":false,"field":"field4"}],"optional":false}',
      '{"field1":true,"field2":"string2","field3":"string3","field4":false}') },
  { name: 'optional null', schema: Schema.OPTIONAL_BOOLEAN_SCHEMA, value: null, json: envelope('{"type":"boolean","optional":true}', 'null') },
  { name: 'default', schema: SchemaBuilder.bool().defaultValue(true).build(), value: true, json: envelope('{"type":"boolean","optional":false,"default":true}', 'true') },
  { name: 'metadata', schema: SchemaBuilder.bool().required().name('bool').version(3).doc('the documentation').parameter('foo', 'bar').build(), value: true,
    json: envelope('{"type":"boolean","optional":false,"name":"bool","version":3,"doc":"the documentation","parameters":{"foo":"bar"}}', 'true') },
  { name: 'decimal base64', schema: ConnectDecimal.schema(2), value: new BigDecimal(156n, 2),
    json: envelope('{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}}', '"AJw="') },
  { name: 'decimal numeric', schema: ConnectDecimal.schema(2), value: new BigDecimal(156n, 2), config: { 'decimal.format': 'NUMERIC' },
    json: envelope('{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"}}', '1.56') },
  { name: 'decimal numeric with trailing zeros', schema: ConnectDecimal.schema(4), value: new BigDecimal(15600n, 4), config: { 'decimal.format': 'numeric' },
    json: envelope('{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"4"}}', '1.5600') },
  { name: 'decimal default', schema: ConnectDecimal.builder(2).defaultValue(new BigDecimal(156n, 2)).build(), value: new BigDecimal(-1n, 2),
    json: envelope('{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"},"default":"AJw="}', '"/w=="') },
  { name: 'date', schema: ConnectDate.SCHEMA, value: new Date(Date.UTC(1997, 4, 19)),
    json: envelope('{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date","version":1}', '10000') },
  { name: 'time', schema: ConnectTime.SCHEMA, value: new Date(14400000),
    json: envelope('{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Time","version":1}', '14400000') },
  { name: 'timestamp', schema: ConnectTimestamp.SCHEMA, value: new Date(4000000000),
    json: envelope('{"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp","version":1}', '4000000000') },
  { name: 'timestamp default', schema: ConnectTimestamp.builder().defaultValue(new Date(42)).build(), value: new Date(43),
    json: envelope('{"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp","version":1,"default":42}', '43') },
  { name: 'struct field null without replacing the default', schema: DEFAULTED, value: new Struct(DEFAULTED), config: { 'replace.null.with.default': 'false' },
    json: envelope('{"type":"struct","fields":[{"type":"string","optional":true,"default":"default","field":"field1"}],"optional":false}', '{"field1":null}') },
  { name: 'null schema', schema: null, value: true, json: envelope('null', 'true') },
  { name: 'schemas disabled', schema: STRUCT, value: new Struct(STRUCT).put('field1', true).put('field2', 'b').put('field3', 'c').put('field4', false),
    config: { 'schemas.enable': 'false' }, json: '{"field1":true,"field2":"b","field3":"c","field4":false}',
    read: new Map<string, unknown>([['field1', true], ['field2', 'b'], ['field3', 'c'], ['field4', false]]) },
  { name: 'schemaless map', schema: null, value: new Map<string, unknown>([['key1', 12n], ['key2', 'string'], ['key3', true]]),
    config: { 'schemas.enable': 'false' }, json: '{"key1":12,"key2":"string","key3":true}' },
  { name: 'schemaless mixed array', schema: null, value: [1n, 'string', true, 1.5, null], config: { 'schemas.enable': 'false' }, json: '[1,"string",true,1.5,null]' },
];

function converter(config: Record<string, string> = {}): JsonConverter {
  const c = new JsonConverter();
  c.configure(config, false);
  return c;
}

describe('JsonConverter golden vectors', () => {
  it.each(GOLDEN)('writes Kafka\'s bytes for $name', ({ schema, value, json, config }) => {
    const bytes = converter(config).fromConnectData('topic', undefined, schema, value);

    expect(Buffer.from(bytes as Uint8Array).toString('utf8')).toBe(json);
  });

  it.each(GOLDEN)('reads Kafka\'s bytes for $name back to the same value and bytes', ({ schema, value, json, config, read: expected }) => {
    const c = converter(config);
    const read = c.toConnectData('topic', undefined, Buffer.from(json, 'utf8'));

    if (config?.['schemas.enable'] !== 'false') expect(read.schema === null ? schema === null : read.schema.equals(schema)).toBe(true);
    expect(valuesEqual(read.value, expected ?? value)).toBe(true);
    expect(Buffer.from(c.fromConnectData('topic', undefined, read.schema, read.value) as Uint8Array).toString('utf8')).toBe(json);
  });
});
