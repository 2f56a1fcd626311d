import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { DropHeaders } from '#lib/transforms/drop-headers';
import { applied, configured, sourceRecord } from './records';

function headers(...entries: [string, string][]): ConnectHeaders {
  const result = new ConnectHeaders();
  for (const [key, value] of entries) result.addString(key, value);
  return result;
}

describe('DropHeaders', () => {
  it('drops every header with a listed name, keeping the others in order', () => {
    const record = sourceRecord({ headers: headers(['dropped', 'a'], ['kept', 'b'], ['dropped', 'c'], ['other', 'd']) });

    const out = applied(configured(new DropHeaders(), { headers: 'dropped,other' }), record);

    expect(out.headers.equals(headers(['kept', 'b']))).toBe(true);
    expect(record.headers.size).toBe(4);
  });

  it('changes nothing when no header matches', () => {
    expect(applied(configured(new DropHeaders(), { headers: 'nope' }), sourceRecord({ headers: headers(['kept', 'b']) })).headers.equals(headers(['kept', 'b']))).toBe(true);
  });

  it('rejects an empty list', () => {
    expect(() => configured(new DropHeaders(), { headers: '' })).toThrow(new ConfigException('Invalid value [] for configuration headers: Empty list'));
  });
});

