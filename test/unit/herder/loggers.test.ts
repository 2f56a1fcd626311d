import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoggerRegistry } from '#lib/logging/logger-registry';
import type * as Harness from './herder-harness';

// The logger registry is process-wide: each test gets a fresh module graph, hence a fresh registry.
let harness: typeof Harness;
let registry: LoggerRegistry;

beforeEach(async () => {
  vi.resetModules();
  harness = await import('./herder-harness');
  registry = (await import('#lib/logging/logger')).loggers;
});

const T1 = new Date('2024-05-01T12:00:00.000Z').getTime();
const T2 = new Date('2024-05-01T13:00:00.000Z').getTime();

describe('loggers', () => {
  it('lists the root logger with its level and no last_modified', async () => {
    const { herder } = harness.createTestHerder();

    expect((await herder.loggers()).root).toEqual({ level: registry.effectiveLevel('root'), last_modified: null });
  });

  it('lists only loggers that have a level of their own', async () => {
    const { herder } = harness.createTestHerder();
    registry.declare('org.example.inherits');

    expect(Object.keys(await herder.loggers())).toEqual(['root']);
  });

  it('lists loggers in Java’s String order', async () => {
    const { herder } = harness.createTestHerder();
    await herder.setLoggerLevel('org.example.b', 'ERROR', 'worker');
    await herder.setLoggerLevel('org.example.B', 'ERROR', 'worker');
    await herder.setLoggerLevel('org.example.a', 'ERROR', 'worker');

    expect(Object.keys(await herder.loggers())).toEqual(['org.example.B', 'org.example.a', 'org.example.b', 'root']);
  });

  it('lists levels that another instance stored', async () => {
    const t = harness.createTestHerder();
    await t.stores.loggers.put('org.example.other', { level: 'TRACE', lastModified: T1 });

    expect((await t.herder.loggers())['org.example.other']).toEqual({ level: 'TRACE', last_modified: T1 });
  });
});

describe('logger', () => {
  it('shows the level a logger inherits, with no last_modified', async () => {
    const { herder } = harness.createTestHerder();
    await herder.setLoggerLevel('org.example', 'WARN', 'worker');
    registry.declare('org.example.child');

    expect(await herder.logger('org.example.child')).toEqual({ level: 'WARN', last_modified: null });
  });

  it('finds the root logger whatever the case of its name', async () => {
    const { herder } = harness.createTestHerder();

    expect(await herder.logger('ROOT')).toEqual(await herder.logger('root'));
  });

  it('answers an unknown logger with Kafka’s 404 message', async () => {
    const { herder } = harness.createTestHerder();

    const attempt = herder.logger('org.example.nope');

    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Logger org.example.nope not found.' });
  });
});

describe('setLoggerLevel', () => {
  it('sets the level of the namespace logger and records when', async () => {
    const { herder } = harness.createTestHerder();

    await herder.setLoggerLevel('org.example', 'DEBUG', 'worker');

    expect(await herder.logger('org.example')).toEqual({ level: 'DEBUG', last_modified: T1 });
  });

  it('sets every known logger whose name starts with the namespace', async () => {
    const { herder } = harness.createTestHerder();
    registry.declare('org.example.a');
    registry.declare('org.example.a.b');
    registry.declare('org.example.ab');
    registry.declare('org.other');

    await herder.setLoggerLevel('org.example.a', 'ERROR', 'worker');

    expect([registry.effectiveLevel('org.example.a.b'), registry.effectiveLevel('org.example.ab'), registry.effectiveLevel('org.other')]).toEqual([
      'ERROR',
      'ERROR',
      registry.effectiveLevel('root'),
    ]);
  });

  it('returns the affected logger names, sorted', async () => {
    const { herder } = harness.createTestHerder();
    registry.declare('org.example.z');
    registry.declare('org.example.a');

    expect(await herder.setLoggerLevel('org.example', 'ERROR', 'worker')).toEqual(['org.example', 'org.example.a', 'org.example.z']);
  });

  it('includes loggers whose level was already the requested one', async () => {
    const { herder } = harness.createTestHerder();
    await herder.setLoggerLevel('org.example.a', 'ERROR', 'worker');

    expect(await herder.setLoggerLevel('org.example', 'ERROR', 'worker')).toEqual(['org.example', 'org.example.a']);
  });

  it('leaves last_modified alone when the level does not change', async () => {
    const t = harness.createTestHerder();
    await t.herder.setLoggerLevel('org.example', 'DEBUG', 'worker');
    t.deps.now = () => new Date(T2);

    await t.herder.setLoggerLevel('org.example', 'DEBUG', 'worker');

    expect((await t.herder.logger('org.example')).last_modified).toBe(T1);
  });

  it('updates last_modified when the level changes', async () => {
    const t = harness.createTestHerder();
    await t.herder.setLoggerLevel('org.example', 'DEBUG', 'worker');
    t.deps.now = () => new Date(T2);

    await t.herder.setLoggerLevel('org.example', 'WARN', 'worker');

    expect(await t.herder.logger('org.example')).toEqual({ level: 'WARN', last_modified: T2 });
  });

  it('gives no level of its own to a logger that already inherits the requested level', async () => {
    const { herder } = harness.createTestHerder();
    const inherited = registry.effectiveLevel('root');

    await herder.setLoggerLevel('org.example', inherited, 'worker');

    expect(await herder.logger('org.example')).toEqual({ level: inherited, last_modified: null });
    expect(await herder.loggers()).not.toHaveProperty('org.example');
  });

  it('gives children their own level when their namespace changes', async () => {
    const { herder } = harness.createTestHerder();
    registry.declare('org.example.child');

    await herder.setLoggerLevel('org.example', 'ERROR', 'worker');

    expect(await herder.loggers()).toMatchObject({ 'org.example': { level: 'ERROR', last_modified: T1 }, 'org.example.child': { level: 'ERROR', last_modified: T1 } });
  });

  it('makes a new namespace logger addressable', async () => {
    const { herder } = harness.createTestHerder();

    await herder.setLoggerLevel('org.example.fresh', 'ERROR', 'worker');

    expect((await herder.logger('org.example.fresh')).level).toBe('ERROR');
  });

  it('sets the root logger and every known logger for the root namespace, whatever its case', async () => {
    const { herder } = harness.createTestHerder();
    registry.declare('org.example');
    registry.declare('zzz.example');

    const affected = await herder.setLoggerLevel('Root', 'ERROR', 'worker');

    expect(affected).toEqual(expect.arrayContaining(['org.example', 'root', 'zzz.example']));
    expect(await herder.loggers()).toMatchObject({ root: { level: 'ERROR' }, 'org.example': { level: 'ERROR' }, 'zzz.example': { level: 'ERROR' } });
  });

  it('stores the level for the other instances', async () => {
    const t = harness.createTestHerder();

    await t.herder.setLoggerLevel('org.example', 'ERROR', 'worker');

    expect(await t.stores.loggers.all()).toEqual({ 'org.example': { level: 'ERROR', lastModified: T1 } });
  });

  it('applies the level to the process’s loggers', async () => {
    const { herder } = harness.createTestHerder();

    await herder.setLoggerLevel('org.example', 'ERROR', 'worker');

    expect(registry.effectiveLevel('org.example.anything')).toBe('ERROR');
  });
});
