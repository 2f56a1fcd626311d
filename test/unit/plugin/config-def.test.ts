import { describe, expect, it } from 'vitest';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT, type Recommender } from '#lib/plugin/config-types';
import { NonEmptyStringWithoutControlChars, Range, ValidString } from '#lib/plugin/validators';

function connectorLikeDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'name', type: 'STRING', validator: NonEmptyStringWithoutControlChars(), importance: 'HIGH', group: 'Common', orderInGroup: 1 })
    .define({ name: 'tasks.max', type: 'INT', defaultValue: 1, validator: Range.atLeast(1), importance: 'HIGH', group: 'Common', orderInGroup: 3 })
    .define({ name: 'errors.tolerance', type: 'STRING', defaultValue: 'none', validator: ValidString.in('none', 'all'), importance: 'MEDIUM', group: 'Error Handling' });
}

describe('ConfigDef.define', () => {
  it('rejects a second key with the same name', () => {
    const def = new ConfigDef().define({ name: 'a', type: 'INT', importance: 'LOW' });
    expect(() => def.define({ name: 'a', type: 'INT', importance: 'LOW' })).toThrow('Configuration a is defined twice.');
  });

  it('keeps keys in definition order and groups in first-use order', () => {
    const def = connectorLikeDef();
    expect([def.names(), def.groups()]).toEqual([['name', 'tasks.max', 'errors.tolerance'], ['Common', 'Error Handling']]);
  });

  it('fills Kafka defaults for the short form', () => {
    const key = new ConfigDef().define({ name: 'k', type: 'STRING', importance: 'LOW' }).configKeys().get('k');
    expect(key).toMatchObject({ defaultValue: NO_DEFAULT, documentation: null, group: null, orderInGroup: -1, width: 'NONE', displayName: 'k', dependents: [] });
  });

  it('parses the default like a supplied value', () => {
    const def = new ConfigDef().define({ name: 'l', type: 'LIST', defaultValue: 'a, b', importance: 'LOW' }).define({ name: 'n', type: 'LONG', defaultValue: 0, importance: 'LOW' });
    expect(def.defaultValues()).toEqual({ l: ['a', 'b'], n: 0n });
  });

  it('rejects a default that fails its validator', () => {
    expect(() => new ConfigDef().define({ name: 'k', type: 'INT', defaultValue: 0, validator: Range.atLeast(1), importance: 'LOW' })).toThrow('Value must be at least 1');
  });

  it('copies a base definition without changing it', () => {
    const base = connectorLikeDef();
    const copy = new ConfigDef(base).define({ name: 'extra', type: 'STRING', importance: 'LOW', group: 'Other' });
    expect([base.names().length, copy.names().length, copy.groups()]).toEqual([3, 4, ['Common', 'Error Handling', 'Other']]);
  });
});

describe('ConfigDef.parse', () => {
  it('returns typed values with defaults', () => {
    expect(connectorLikeDef().parse({ name: ' c ', 'tasks.max': '2' })).toEqual({ name: 'c', 'tasks.max': 2, 'errors.tolerance': 'none' });
  });

  it('throws the missing-key message for a required key', () => {
    expect(() => connectorLikeDef().parse({})).toThrow('Missing required configuration "name" which has no default value.');
  });

  it('throws the first validator error', () => {
    expect(() => connectorLikeDef().parse({ name: 'x', 'tasks.max': '-1' })).toThrow('Invalid value -1 for configuration tasks.max: Value must be at least 1');
  });

  it('refuses to parse when a dependent is not defined', () => {
    const def = new ConfigDef().define({ name: 'a', type: 'INT', defaultValue: 1, importance: 'LOW', dependents: ['ghost'] });
    expect(() => def.parse({})).toThrow('Some configurations in are referred in the dependents, but not defined: ghost');
  });
});

describe('ConfigDef.validate', () => {
  // Expected messages were produced by Kafka 3.9's ConfigDef.validate with the same keys.
  it('reports a parse error and then the validator on null', () => {
    const tasksMax = connectorLikeDef().validateAll({ name: 'x', 'tasks.max': 'abc' }).get('tasks.max');
    expect(tasksMax?.errorMessages).toEqual(['Invalid value abc for configuration tasks.max: Not a number of type INT', 'Invalid value null for configuration tasks.max: Value must be non-null']);
  });

  it('reports a missing required key', () => {
    expect(connectorLikeDef().validateAll({}).get('name')?.errorMessages).toEqual(['Missing required configuration "name" which has no default value.']);
  });

  it('keeps the raw untrimmed value in parse errors', () => {
    expect(connectorLikeDef().validateAll({ name: 'x', 'tasks.max': ' 2147483648' }).get('tasks.max')?.errorMessages[0]).toBe(
      'Invalid value  2147483648 for configuration tasks.max: Not a number of type INT',
    );
  });

  it('returns every key in definition order with its parsed value', () => {
    const values = connectorLikeDef().validate({ name: 'x' });
    expect(values.map((v) => [v.name, v.value, v.errorMessages.length])).toEqual([['name', 'x', 0], ['tasks.max', 1, 0], ['errors.tolerance', 'none', 0]]);
  });

  it('reports a dependent that is not defined as an invisible entry', () => {
    const def = new ConfigDef().define({ name: 'a', type: 'INT', defaultValue: 1, importance: 'LOW', dependents: ['ghost'] });
    expect(def.validateAll({}).get('ghost')).toMatchObject({ errorMessages: ['ghost is referred in the dependents, but not defined.'], visible: false });
  });

  it('asks the recommender for valid values and visibility with the parsed config', () => {
    const recommender: Recommender = { validValues: (_n, parsed) => [parsed['mode'] === 'x' ? 'x1' : 'y1'], visible: (_n, parsed) => parsed['mode'] === 'x' };
    const def = new ConfigDef()
      .define({ name: 'mode', type: 'STRING', defaultValue: 'x', importance: 'LOW', dependents: ['sub'] })
      .define({ name: 'sub', type: 'STRING', defaultValue: null, importance: 'LOW', recommender });
    expect(def.validateAll({}).get('sub')).toMatchObject({ recommendedValues: ['x1'], visible: true });
    expect(def.validateAll({ mode: 'y' }).get('sub')).toMatchObject({ recommendedValues: ['y1'], visible: false });
  });

  it('treats a null value as set but empty', () => {
    expect(connectorLikeDef().validateAll({ name: null }).get('name')).toMatchObject({ value: null, errorMessages: [] });
  });
});

describe('ConfigDef.embed', () => {
  // Kafka 3.9 embeds the child's keys in its documentation order (group, order, required first, importance, name).
  it('prefixes names and groups and numbers the keys in the child\'s sorted order', () => {
    const child = new ConfigDef()
      .define({ name: 'z', type: 'STRING', defaultValue: 'd', importance: 'LOW' })
      .define({ name: 'a', type: 'STRING', importance: 'LOW' })
      .define({ name: 'm', type: 'INT', defaultValue: 1, importance: 'HIGH' })
      .define({ name: 'g2', type: 'INT', defaultValue: 1, importance: 'HIGH', group: 'Sub', orderInGroup: 2, displayName: 'G2' })
      .define({ name: 'g1', type: 'INT', defaultValue: 1, importance: 'HIGH', group: 'Sub', orderInGroup: 1, displayName: 'G1' })
      .define({ name: 'predicate', type: 'STRING', defaultValue: null, importance: 'MEDIUM' })
      .define({ name: 'negate', type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM' });
    const parent = new ConfigDef().embed('transforms.t.', 'Transforms: t', 1, child);
    const keys = [...parent.configKeys().values()].map((k) => `${k.name} ${k.group} ${k.orderInGroup} ${k.displayName}`);
    expect(keys).toEqual([
      'transforms.t.a Transforms: t 1 a',
      'transforms.t.m Transforms: t 2 m',
      'transforms.t.negate Transforms: t 3 negate',
      'transforms.t.predicate Transforms: t 4 predicate',
      'transforms.t.z Transforms: t 5 z',
      'transforms.t.g1 Transforms: t: Sub 6 G1',
      'transforms.t.g2 Transforms: t: Sub 7 G2',
    ]);
    expect(parent.groups()).toEqual(['Transforms: t', 'Transforms: t: Sub']);
  });

  it('lets the child\'s validator see its own key name', () => {
    const child = new ConfigDef().define({ name: 'n', type: 'INT', defaultValue: 1, validator: Range.atLeast(1), importance: 'LOW' });
    const parent = new ConfigDef().embed('p.', 'G', 0, child);
    expect(parent.validateAll({ 'p.n': '0' }).get('p.n')?.errorMessages).toEqual(['Invalid value 0 for configuration n: Value must be at least 1']);
  });

  it('prefixes dependents', () => {
    const child = new ConfigDef().define({ name: 'a', type: 'INT', defaultValue: 1, importance: 'LOW', dependents: ['b'] }).define({ name: 'b', type: 'INT', defaultValue: 1, importance: 'LOW' });
    expect(new ConfigDef().embed('p.', 'G', 0, child).configKeys().get('p.a')?.dependents).toEqual(['p.b']);
  });
});
