import { describe, expect, it } from 'vitest';
import { ConfigDef } from '#lib/plugin/config-def';
import { toConfigKeyInfo, toConfigValueInfo } from '#lib/plugin/config-key-info';
import { Password } from '#lib/plugin/password';

function keyOf(def: ConfigDef, name: string) {
  const key = def.configKeys().get(name);
  if (!key) throw new Error(`no key ${name}`);
  return key;
}

describe('toConfigKeyInfo', () => {
  it('marks a key without default as required with a null default_value', () => {
    const def = new ConfigDef().define({ name: 'name', type: 'STRING', importance: 'HIGH', documentation: 'd', group: 'Common', orderInGroup: 1, width: 'MEDIUM', displayName: 'Connector name' });
    expect(toConfigKeyInfo(keyOf(def, 'name'))).toEqual({
      name: 'name', type: 'STRING', required: true, default_value: null, importance: 'HIGH', documentation: 'd',
      group: 'Common', width: 'MEDIUM', display_name: 'Connector name', dependents: [], order: 1,
    });
  });

  it('renders the default as a string and uses the short-form metadata', () => {
    const def = new ConfigDef().define({ name: 'topics', type: 'LIST', defaultValue: 'a,b', importance: 'HIGH' });
    expect(toConfigKeyInfo(keyOf(def, 'topics'))).toMatchObject({ required: false, default_value: 'a,b', documentation: null, group: null, width: 'NONE', display_name: 'topics', order: -1 });
  });

  it('keeps a null default as null but not required', () => {
    const def = new ConfigDef().define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH' });
    expect(toConfigKeyInfo(keyOf(def, 'file'))).toMatchObject({ required: false, default_value: null });
  });

  it('hides a PASSWORD default', () => {
    const def = new ConfigDef().define({ name: 'p', type: 'PASSWORD', defaultValue: new Password('s3cret'), importance: 'HIGH' });
    expect(toConfigKeyInfo(keyOf(def, 'p')).default_value).toBe('[hidden]');
  });

  it('prefixes the name when asked', () => {
    const def = new ConfigDef().define({ name: 'schemas.enable', type: 'BOOLEAN', defaultValue: true, importance: 'HIGH' });
    expect(toConfigKeyInfo(keyOf(def, 'schemas.enable'), 'key.converter.').name).toBe('key.converter.schemas.enable');
  });
});

describe('toConfigValueInfo', () => {
  it('renders the value with the key type and copies errors', () => {
    const info = toConfigValueInfo({ name: 'p', value: new Password('x'), recommendedValues: [], errorMessages: ['e'], visible: true }, 'PASSWORD');
    expect(info).toEqual({ name: 'p', value: '[hidden]', recommended_values: [], errors: ['e'], visible: true });
  });

  it('renders recommended values of a LIST key as strings', () => {
    expect(toConfigValueInfo({ name: 'l', value: ['a'], recommendedValues: ['x', 'y'], errorMessages: [], visible: false }, 'LIST')).toMatchObject({ value: 'a', recommended_values: ['x', 'y'], visible: false });
  });
});
