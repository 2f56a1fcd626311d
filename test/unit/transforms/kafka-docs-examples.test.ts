/**
 * The transformation examples of Kafka's docs/connect.html (3.9), each run through the chain as
 * the runtime builds it from the connector config shown in the docs.
 */
import { describe, expect, it } from 'vitest';
import { Schema, SchemaBuilder, Struct } from '#lib/data/index';
import type { SourceRecord } from '#lib/data/connect-record';
import { JsonConverter } from '#lib/converters/json/json-converter';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { createTransformationChain } from '#lib/transforms/create-transformation-chain';
import { mapOf, sourceRecord } from './records';

function chainFor(config: Record<string, string>) {
  return createTransformationChain<SourceRecord>({ registry: createDefaultRegistry(), config });
}

const FILTER_FOO = {
  transforms: 'Filter',
  'transforms.Filter.type': 'org.apache.kafka.connect.transforms.Filter',
  'transforms.Filter.predicate': 'IsFoo',
  predicates: 'IsFoo',
  'predicates.IsFoo.type': 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
  'predicates.IsFoo.pattern': 'foo',
};

const FILTER_FOO_EXTRACT_UNLESS_BAR = {
  transforms: 'Filter,Extract',
  'transforms.Filter.type': 'org.apache.kafka.connect.transforms.Filter',
  'transforms.Filter.predicate': 'IsFoo',
  'transforms.Extract.type': 'org.apache.kafka.connect.transforms.ExtractField$Key',
  'transforms.Extract.field': 'other_field',
  'transforms.Extract.predicate': 'IsBar',
  'transforms.Extract.negate': 'true',
  predicates: 'IsFoo,IsBar',
  'predicates.IsFoo.type': 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
  'predicates.IsFoo.pattern': 'foo',
  'predicates.IsBar.type': 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
  'predicates.IsBar.pattern': 'bar',
};

describe("Kafka's connect.html transformation examples", () => {
  it('wraps each file line in a map and adds a static field (HoistField + InsertField), written as schemaless JSON', () => {
    const chain = chainFor({
      name: 'local-file-source', 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: 'test.txt', topic: 'connect-test',
      transforms: 'MakeMap, InsertSource',
      'transforms.MakeMap.type': 'org.apache.kafka.connect.transforms.HoistField$Value',
      'transforms.MakeMap.field': 'line',
      'transforms.InsertSource.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
      'transforms.InsertSource.static.field': 'data_source',
      'transforms.InsertSource.static.value': 'test-file-source',
    });
    const converter = new JsonConverter();
    converter.configure({ 'schemas.enable': 'false' }, false);

    const lines = ['foo', 'bar', 'hello world'].map((line) => {
      const record = chain.apply(sourceRecord({ topic: 'connect-test', valueSchema: Schema.STRING_SCHEMA, value: line }));
      return Buffer.from(converter.fromConnectData('connect-test', record?.headers, record?.valueSchema, record?.value) ?? []).toString();
    });

    expect(lines).toEqual(['{"line":"foo","data_source":"test-file-source"}', '{"line":"bar","data_source":"test-file-source"}', '{"line":"hello world","data_source":"test-file-source"}']);
  });

  it("filters out the messages in the 'foo' topic entirely (Filter + TopicNameMatches)", () => {
    const chain = chainFor(FILTER_FOO);

    expect(chain.apply(sourceRecord({ topic: 'foo', value: 'x' }))).toBeNull();
  });

  it("keeps the messages of other topics (Filter + TopicNameMatches 'foo')", () => {
    const record = sourceRecord({ topic: 'foobar', value: 'x' });

    expect(chainFor(FILTER_FOO).apply(record)).toBe(record);
  });

  it("applies ExtractField to 'other_field' of the key in every topic except 'bar' (negate)", () => {
    const out = chainFor(FILTER_FOO_EXTRACT_UNLESS_BAR).apply(sourceRecord({ topic: 'baz', key: mapOf({ other_field: 'k', more: 1 }) }));

    expect(out?.key).toBe('k');
  });

  it("leaves the records of topic 'bar' unchanged", () => {
    const record = sourceRecord({ topic: 'bar', key: mapOf({ other_field: 'k' }) });

    expect(chainFor(FILTER_FOO_EXTRACT_UNLESS_BAR).apply(record)).toBe(record);
  });

  it("still drops the records of topic 'foo' before ExtractField", () => {
    expect(chainFor(FILTER_FOO_EXTRACT_UNLESS_BAR).apply(sourceRecord({ topic: 'foo', key: mapOf({ other_field: 'k' }) }))).toBeNull();
  });

  it('extracts from a keyed Struct with a schema too', () => {
    const schema = SchemaBuilder.struct().field('other_field', Schema.STRING_SCHEMA).build();

    const out = chainFor(FILTER_FOO_EXTRACT_UNLESS_BAR).apply(sourceRecord({ topic: 'baz', keySchema: schema, key: new Struct(schema).put('other_field', 'k') }));

    expect([out?.keySchema, out?.key]).toEqual([Schema.STRING_SCHEMA, 'k']);
  });
});
