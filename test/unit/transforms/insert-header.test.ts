import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { InsertHeader } from '#lib/transforms/insert-header';
import { applied, configured, sourceRecord } from './records';

function headers(...entries: [string, string][]): ConnectHeaders {
  const result = new ConnectHeaders();
  for (const [key, value] of entries) result.addString(key, value);
  return result;
}

describe('InsertHeader', () => {
  it('adds the header next to existing ones, leaving the input headers alone', () => {
    const original = headers(['existing', 'existing-value']);
    const record = sourceRecord({ headers: original });

    const out = applied(configured(new InsertHeader(), { header: 'inserted', 'value.literal': 'inserted-value' }), record);

    expect(out.headers.equals(headers(['existing', 'existing-value'], ['inserted', 'inserted-value']))).toBe(true);
    expect(original.size).toBe(1);
  });

  it('adds a second header with an existing name', () => {
    const out = applied(configured(new InsertHeader(), { header: 'existing', 'value.literal': 'inserted-value' }), sourceRecord({ headers: headers(['existing', 'preexisting-value']) }));

    expect(out.headers.equals(headers(['existing', 'preexisting-value'], ['existing', 'inserted-value']))).toBe(true);
  });

  it('parses the literal as Kafka Values do: "1" is an INT8', () => {
    const out = applied(configured(new InsertHeader(), { header: 'inserted', 'value.literal': '1' }), sourceRecord());

    expect(out.headers.equals(new ConnectHeaders().addByte('inserted', 1))).toBe(true);
  });

  it('keeps the rest of the record', () => {
    const record = sourceRecord({ topic: 't', key: 'k', value: 'v', timestamp: 5 });

    expect({ ...applied(configured(new InsertHeader(), { header: 'h', 'value.literal': 'x' }), record), headers: record.headers }).toEqual(record);
  });

  it.each([['header'], ['value.literal']])('requires %s', (key) => {
    const props = { header: 'h', 'value.literal': 'v' } as Record<string, string>;
    delete props[key];

    expect(() => configured(new InsertHeader(), props)).toThrow(ConfigException);
  });
});

