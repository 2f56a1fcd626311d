import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/index';
import { ConfigException } from '#lib/plugin/config-exception';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { registerBuiltinPredicates } from '#lib/predicates/register-builtin-predicates';
import { createTransformationChain } from '#lib/transforms/create-transformation-chain';
import { registerBuiltinTransforms } from '#lib/transforms/register-builtin-transforms';
import { transformationDescriptor } from '#lib/transforms/transformation-descriptor';
import { ConfigDef } from '#lib/plugin/config-def';
import { applied, sourceRecord } from './records';

const ROUTER = 'org.apache.kafka.connect.transforms.RegexRouter';

function registry(): PluginRegistry {
  return registerBuiltinPredicates(registerBuiltinTransforms(new PluginRegistry()));
}

function chain(config: Record<string, string>) {
  return createTransformationChain({ registry: registry(), config });
}

const ROUTE_A_TO_B = { 'transforms.route.type': ROUTER, 'transforms.route.regex': 'a', 'transforms.route.replacement': 'b' };

describe('createTransformationChain', () => {
  it('builds no stages without transforms', () => {
    expect(chain({ name: 'c' }).stages).toEqual([]);
  });

  it('builds one stage per alias in order, resolving class aliases', () => {
    const built = chain({ transforms: 'first, second', 'transforms.first.type': 'RegexRouter', 'transforms.first.regex': 'a', 'transforms.first.replacement': 'b', 'transforms.second.type': 'org.apache.kafka.connect.transforms.Filter' });

    expect(built.stages.map((s) => [s.alias, s.transformClass])).toEqual([['first', ROUTER], ['second', 'org.apache.kafka.connect.transforms.Filter']]);
  });

  it('applies the stages one after the other', () => {
    const built = chain({ transforms: 'one,two', 'transforms.one.type': ROUTER, 'transforms.one.regex': 'a', 'transforms.one.replacement': 'b', 'transforms.two.type': ROUTER, 'transforms.two.regex': 'b', 'transforms.two.replacement': 'c' });

    expect(applied(built, sourceRecord({ topic: 'a' })).topic).toBe('c');
  });

  it('stops the chain at a stage that drops the record', () => {
    const seen: string[] = [];
    const spying = registry().register(
      transformationDescriptor('test.Spy', () => new ConfigDef(), () => ({ configure: () => undefined, config: () => new ConfigDef(), close: () => undefined, apply: (r) => (seen.push(r.topic), r) })),
    );
    const built = createTransformationChain({ registry: spying, config: { transforms: 'drop,spy', 'transforms.drop.type': 'Filter', 'transforms.spy.type': 'test.Spy' } });

    expect([built.apply(sourceRecord()), seen]).toEqual([null, []]);
  });

  it('passes the transformation its keys with the prefix removed, predicate and negate left out', () => {
    const received: Record<string, string>[] = [];
    const recording = registry().register(
      transformationDescriptor('test.Recorder', () => new ConfigDef(), () => ({ configure: (p) => void received.push({ ...p }), config: () => new ConfigDef(), close: () => undefined, apply: (r) => r })),
    );

    createTransformationChain({ registry: recording, config: { transforms: 't', 'transforms.t.type': 'test.Recorder', 'transforms.t.x': '1', 'transforms.t.predicate': 'p', 'transforms.t.negate': 'false', 'transforms.tt.y': '2', predicates: 'p', 'predicates.p.type': 'RecordIsTombstone' } });

    expect(received).toEqual([{ type: 'test.Recorder', x: '1' }]);
  });

  it('applies a stage only to records its predicate matches', () => {
    const built = chain({ transforms: 'route', ...ROUTE_A_TO_B, 'transforms.route.predicate': 'hasH', predicates: 'hasH', 'predicates.hasH.type': 'HasHeaderKey', 'predicates.hasH.name': 'h' });

    expect([applied(built, sourceRecord({ topic: 'a', headers: new ConnectHeaders().addString('h', 'x') })).topic, applied(built, sourceRecord({ topic: 'a' })).topic]).toEqual(['b', 'a']);
  });

  it('applies a negated stage only to records its predicate does not match', () => {
    const built = chain({ transforms: 'route', ...ROUTE_A_TO_B, 'transforms.route.predicate': 'hasH', 'transforms.route.negate': 'TRUE', predicates: 'hasH', 'predicates.hasH.type': 'HasHeaderKey', 'predicates.hasH.name': 'h' });

    expect([applied(built, sourceRecord({ topic: 'a', headers: new ConnectHeaders().addString('h', 'x') })).topic, applied(built, sourceRecord({ topic: 'a' })).topic]).toEqual(['a', 'b']);
  });

  it('gives each stage its own predicate instance', () => {
    const built = chain({ transforms: 'x,y', 'transforms.x.type': 'Filter', 'transforms.x.predicate': 'p', 'transforms.y.type': 'Filter', 'transforms.y.predicate': 'p', predicates: 'p', 'predicates.p.type': 'RecordIsTombstone' });

    expect(built.stages[0]?.predicate).not.toBe(built.stages[1]?.predicate);
  });

  it('returns a record its predicate skips unchanged, the same object', () => {
    const record = sourceRecord({ value: 'v' });
    const built = chain({ transforms: 'f', 'transforms.f.type': 'Filter', 'transforms.f.predicate': 't', predicates: 't', 'predicates.t.type': 'RecordIsTombstone' });

    expect(built.apply(record)).toBe(record);
  });

  it('rejects a duplicate alias', () => {
    expect(() => chain({ transforms: 't,t', 'transforms.t.type': 'Filter' })).toThrow(new ConfigException('Invalid value [t, t] for configuration transforms: Duplicate alias provided.'));
  });

  it('rejects an alias without a type', () => {
    expect(() => chain({ transforms: 'dangler' })).toThrow(new ConfigException('Invalid value null for configuration transforms.dangler.type: Not a Transformation'));
  });

  it('rejects an unknown class', () => {
    expect(() => chain({ transforms: 't', 'transforms.t.type': 'NoSuchClass' })).toThrow(new ConfigException('Invalid value NoSuchClass for configuration transforms.t.type: Class NoSuchClass could not be found.'));
  });

  it('reports a missing required transformation key under its prefixed name', () => {
    expect(() => chain({ transforms: 't', 'transforms.t.type': 'org.apache.kafka.connect.transforms.HoistField$Value' })).toThrow(
      new ConfigException('Missing required configuration "transforms.t.field" which has no default value.'),
    );
  });

  it('reports a bad regex naming the unprefixed key, as embedded validators do in Kafka', () => {
    expect(() => chain({ transforms: 'route', 'transforms.route.type': ROUTER, 'transforms.route.regex': '(', 'transforms.route.replacement': 'x' })).toThrow(
      /^Invalid value \( for configuration regex: Invalid regex: /,
    );
  });

  it("passes on the transformation's own configure error", () => {
    expect(() => chain({ transforms: 'i', 'transforms.i.type': 'org.apache.kafka.connect.transforms.InsertField$Value' })).toThrow(new ConfigException('No field insertion configured'));
  });

  it('rejects negate without a predicate', () => {
    expect(() => chain({ transforms: 'f', 'transforms.f.type': 'Filter', 'transforms.f.negate': 'true' })).toThrow(
      new ConfigException("Config 'transforms.f.negate' was provided but there is no config 'transforms.f.predicate' defining a predicate to be negated."),
    );
  });

  it('rejects a predicate alias that is not listed in predicates', () => {
    expect(() => chain({ transforms: 'f', 'transforms.f.type': 'Filter', 'transforms.f.predicate': 'unknown', 'predicates.unknown.type': 'RecordIsTombstone' })).toThrow(
      new ConfigException("Unknown configuration 'predicates.unknown.type'"),
    );
  });

  it('rejects a listed predicate without a type', () => {
    expect(() => chain({ transforms: 'f', 'transforms.f.type': 'Filter', 'transforms.f.predicate': 'p', predicates: 'p' })).toThrow(
      new ConfigException('Invalid value null for configuration predicates.p.type: Not a Predicate'),
    );
  });

  it('rejects a predicate class that is a transformation', () => {
    expect(() => chain({ transforms: 'f', 'transforms.f.type': 'Filter', 'transforms.f.predicate': 'p', predicates: 'p', 'predicates.p.type': ROUTER })).toThrow(
      new ConfigException(`Class class ${ROUTER} does not implement the Predicate interface`),
    );
  });

  it('reports a bad predicate config naming the unprefixed key', () => {
    expect(() => chain({ transforms: 'f', 'transforms.f.type': 'Filter', 'transforms.f.predicate': 'p', predicates: 'p', 'predicates.p.type': 'TopicNameMatches', 'predicates.p.pattern': '' })).toThrow(
      new ConfigException('Invalid value  for configuration pattern: String must be non-empty'),
    );
  });

  it('closes every stage, reporting close errors without stopping', () => {
    const closed: string[] = [];
    const failures: unknown[] = [];
    const closing = (name: string, fail: boolean) =>
      transformationDescriptor(`test.${name}`, () => new ConfigDef(), () => ({
        configure: () => undefined, config: () => new ConfigDef(), apply: (r) => r,
        close: () => {
          closed.push(name);
          if (fail) throw new Error(`${name} failed`);
        },
      }));
    const built = createTransformationChain({ registry: registry().register(closing('A', true), closing('B', false)), config: { transforms: 'a,b', 'transforms.a.type': 'test.A', 'transforms.b.type': 'test.B' }, onCloseError: (err) => failures.push(err) });

    built.close();

    expect([closed, failures.map(String)]).toEqual([['A', 'B'], ['Error: A failed']]);
  });
});
