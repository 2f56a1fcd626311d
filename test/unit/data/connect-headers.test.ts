import { describe, expect, it } from 'vitest';
import { ConnectHeaders, Schema, SchemaAndValue, SchemaBuilder, Struct } from '#lib/data/index';

describe('ConnectHeaders', () => {
  it('keeps headers in order and finds the last with a name', () => {
    const headers = new ConnectHeaders().addString('a', 'x').addInt('b', 1).addString('a', 'y');

    expect(headers.size).toBe(3);
    expect(headers.lastWithName('a')?.value).toBe('y');
    expect(headers.allWithName('a').map((h) => h.value)).toEqual(['x', 'y']);
    expect(headers.lastWithName('zz')).toBeUndefined();
  });

  it('adopts headers made by header(), checked as add checks them', () => {
    const headers = ConnectHeaders.adopting([ConnectHeaders.header('a', new SchemaAndValue(Schema.STRING_SCHEMA, 'x')), ConnectHeaders.header('b', null)]);

    expect([...headers].map((h) => [h.key, h.value])).toEqual([['a', 'x'], ['b', null]]);
    expect(() => ConnectHeaders.header('c', new SchemaAndValue(Schema.STRING_SCHEMA, null))).toThrow(
      'A null value requires an optional schema but was Schema{STRING}');
    expect(() => new ConnectHeaders().add('c', new SchemaAndValue(Schema.STRING_SCHEMA, null))).toThrow(
      'A null value requires an optional schema but was Schema{STRING}');
  });

  it('maps headers in order', () => {
    const headers = new ConnectHeaders().addString('a', 'x').addInt('b', 1);

    expect(headers.map((h) => `${h.key}=${String(h.value)}`)).toEqual(['a=x', 'b=1']);
  });

  it('removes every header with a key', () => {
    const headers = new ConnectHeaders().addString('a', 'x').addInt('b', 1).addString('a', 'y').remove('a');

    expect([...headers].map((h) => h.key)).toEqual(['b']);
  });

  it('retains only the latest header per key', () => {
    const headers = new ConnectHeaders().addString('a', '1').addString('b', '2').addString('a', '3').retainLatest();

    expect([...headers].map((h) => `${h.key}=${String(h.value)}`)).toEqual(['b=2', 'a=3']);
  });

  it('applies a transform, dropping headers it maps to null', () => {
    const headers = new ConnectHeaders().addString('a', 'x').addString('b', 'y')
      .apply((h) => (h.key === 'a' ? null : h.with(Schema.STRING_SCHEMA, 'z')));

    expect([...headers].map((h) => [h.key, h.value])).toEqual([['b', 'z']]);
  });

  it('checks that an added value matches its schema', () => {
    const headers = new ConnectHeaders();

    expect(() => headers.add('k', new SchemaAndValue(Schema.INT32_SCHEMA, 'x'))).toThrow(
      'The value x is not compatible with the schema Schema{INT32}');
    expect(() => headers.add('k', null, Schema.STRING_SCHEMA)).toThrow('A null value requires an optional schema but was Schema{STRING}');
    expect(() => headers.add('k', null, null)).not.toThrow();
  });

  it('uses a struct value\'s schema when the header has none', () => {
    const schema = SchemaBuilder.struct().field('a', Schema.INT8_SCHEMA).build();
    const headers = new ConnectHeaders().add('s', new SchemaAndValue(null, new Struct(schema).put('a', 1)));

    expect(headers.lastWithName('s')?.schema).toBe(schema);
  });

  it('compares headers in order', () => {
    const a = new ConnectHeaders().addString('a', 'x').addLong('n', 5);

    expect(a.equals(a.duplicate())).toBe(true);
    expect(a.equals(new ConnectHeaders().addLong('n', 5).addString('a', 'x'))).toBe(false);
  });
});
