import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { HasHeaderKey, hasHeaderKeyConfigDef } from '#lib/predicates/has-header-key';
import { configured, sourceRecord } from '../transforms/records';

describe('HasHeaderKey', () => {
  it('requires a non-empty name', () => {
    expect(() => configured(new HasHeaderKey(), { name: '' })).toThrow(new ConfigException('Invalid value  for configuration name: String must be non-empty'));
  });

  it('is true when at least one header has the name', () => {
    const predicate = configured(new HasHeaderKey(), { name: 'foo' });

    expect(predicate.test(sourceRecord({ headers: new ConnectHeaders().addString('foo', 'a').addString('foo', 'b') }))).toBe(true);
  });

  it('is false without such a header', () => {
    const predicate = configured(new HasHeaderKey(), { name: 'foo' });

    expect([predicate.test(sourceRecord({ headers: new ConnectHeaders().addString('bar', 'a') })), predicate.test(sourceRecord())]).toEqual([false, false]);
  });

  it('names its key and its Kafka toString', () => {
    expect([hasHeaderKeyConfigDef().names(), String(configured(new HasHeaderKey(), { name: 'foo' }))]).toEqual([['name'], "HasHeaderKey{name='foo'}"]);
  });
});

