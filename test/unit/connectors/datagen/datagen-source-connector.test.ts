import { describe, expect, it } from 'vitest';
import { DataGenSourceConnector, dataGenSourceDescriptor } from '#lib/connectors/datagen/datagen-source-connector';
import { toConfigKeyInfo } from '#lib/plugin/config-key-info';

describe('DataGenSourceConnector', () => {
  it('is registered under its class name as a source with a task factory', () => {
    expect([dataGenSourceDescriptor.className, dataGenSourceDescriptor.type, typeof dataGenSourceDescriptor.createTask]).toEqual(['io.lambdaconnect.connect.datagen.DataGenSourceConnector', 'source', 'function']);
  });

  it('defines its keys with types and defaults', () => {
    const keys = [...new DataGenSourceConnector().config().configKeys().values()].filter((k) => !k.internalConfig).map((k) => toConfigKeyInfo(k));
    expect(keys.map((k) => [k.name, k.type, k.default_value])).toEqual([
      ['topic', 'STRING', null],
      ['seed', 'LONG', '0'],
      ['record.size.bytes', 'INT', '1024'],
      ['max.records', 'LONG', '-1'],
      ['batch.size', 'INT', '1000'],
      ['rate.per.second', 'DOUBLE', '0.0'],
    ]);
  });

  it('gives each of tasks.max tasks its index and the task count', () => {
    const connector = new DataGenSourceConnector();
    connector.start({ topic: 't' });
    expect(connector.taskConfigs(2)).toEqual([
      { topic: 't', 'datagen.task.id': '0', 'datagen.task.count': '2' },
      { topic: 't', 'datagen.task.id': '1', 'datagen.task.count': '2' },
    ]);
  });

  it('fails to start without a topic', () => {
    expect(() => new DataGenSourceConnector().start({})).toThrow('Missing required configuration "topic" which has no default value.');
  });

  it('accepts offsets with a task partition and a non-negative position, and rejects others', () => {
    const connector = new DataGenSourceConnector();
    expect(connector.alterOffsets({}, [{ partition: { task: 0 }, offset: { position: 5 } }, { partition: { task: 1 }, offset: null }])).toBe(true);
    expect(() => connector.alterOffsets({}, [{ partition: { task: 0 }, offset: { position: -1 } }])).toThrow("contain the key 'position'");
    expect(() => connector.alterOffsets({}, [{ partition: {}, offset: null }])).toThrow("contain the key 'task'");
  });
});
