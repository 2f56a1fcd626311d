import { describe, expect, it } from 'vitest';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';

const def = new ConfigDef()
  .define({ name: 's', type: 'STRING', importance: 'HIGH' })
  .define({ name: 'i', type: 'INT', defaultValue: 5, importance: 'LOW' })
  .define({ name: 'l', type: 'LONG', defaultValue: 7, importance: 'LOW' })
  .define({ name: 'list', type: 'LIST', defaultValue: 'a,b', importance: 'LOW' })
  .define({ name: 'p', type: 'PASSWORD', defaultValue: null, importance: 'LOW' })
  .define({ name: 'b', type: 'BOOLEAN', defaultValue: false, importance: 'LOW' });

describe('AbstractConfig', () => {
  it('throws the first configuration error on construction', () => {
    expect(() => new AbstractConfig(def, {})).toThrow('Missing required configuration "s" which has no default value.');
  });

  it('reads typed values', () => {
    const config = new AbstractConfig(def, { s: 'x', l: '9007199254740993', b: 'TRUE' });
    expect([config.getString('s'), config.getNumber('i'), config.getLong('l'), config.getList('list'), config.getPassword('p'), config.getBoolean('b')]).toEqual(['x', 5, 9007199254740993n, ['a', 'b'], null, true]);
  });

  it('rejects reading a key with the wrong type', () => {
    expect(() => new AbstractConfig(def, { s: 'x' }).getNumber('s')).toThrow("Configuration 's' does not have the requested type");
  });

  it('rejects reading an unknown key', () => {
    expect(() => new AbstractConfig(def, { s: 'x' }).get('nope')).toThrow("Unknown configuration 'nope'");
  });

  it('returns originals with a prefix stripped', () => {
    expect(new AbstractConfig(def, { s: 'x', 'producer.override.acks': 'all' }).originalsWithPrefix('producer.override.')).toEqual({ acks: 'all' });
  });
});
