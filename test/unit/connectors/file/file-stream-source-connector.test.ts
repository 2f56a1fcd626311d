import { describe, expect, it } from 'vitest';
import { FileStreamSourceConnector, fileStreamSourceDescriptor } from '#lib/connectors/file/file-stream-source-connector';
import { toConfigKeyInfo } from '#lib/plugin/config-key-info';

describe('FileStreamSourceConnector', () => {
  it('is registered under its Kafka class name as a source', () => {
    expect([fileStreamSourceDescriptor.className, fileStreamSourceDescriptor.type]).toEqual(['org.apache.kafka.connect.file.FileStreamSourceConnector', 'source']);
  });

  it('defines file, topic and batch.size as Kafka 3.9 does', () => {
    const keys = [...new FileStreamSourceConnector().config().configKeys().values()].map((k) => toConfigKeyInfo(k));
    expect(keys.map((k) => [k.name, k.type, k.required, k.default_value, k.importance, k.documentation])).toEqual([
      ['file', 'STRING', false, null, 'HIGH', 'Source filename. If not specified, the standard input will be used'],
      ['topic', 'STRING', true, null, 'HIGH', 'The topic to publish data to'],
      ['batch.size', 'INT', false, '2000', 'LOW', 'The maximum number of records the source task can read from the file each time it is polled'],
    ]);
  });

  it('rejects an empty topic', () => {
    const values = new FileStreamSourceConnector().config().validateAll({ topic: '' });
    expect(values.get('topic')?.errorMessages).toEqual(['Invalid value  for configuration topic: String must be non-empty']);
  });

  it('fails to start without a topic', () => {
    expect(() => new FileStreamSourceConnector().start({ file: '/tmp/x' })).toThrow('Missing required configuration "topic" which has no default value.');
  });

  it('generates one task with the full connector config whatever tasks.max is', () => {
    const connector = new FileStreamSourceConnector();
    const config = { 'connector.class': 'FileStreamSource', name: 's', topic: 't', file: '/tmp/in.txt' };
    connector.start(config);
    expect([connector.taskClass(), connector.taskConfigs(5)]).toEqual(['org.apache.kafka.connect.file.FileStreamSourceTask', [config]]);
  });

  it('supports exactly-once only when reading a file', () => {
    const connector = new FileStreamSourceConnector();
    expect([connector.exactlyOnceSupport({ topic: 't', file: '/tmp/in.txt' }), connector.exactlyOnceSupport({ topic: 't' })]).toEqual(['SUPPORTED', 'UNSUPPORTED']);
  });

  it('accepts offsets with a non-negative position and a filename partition', () => {
    const offsets = [{ partition: { filename: '/tmp/in.txt' }, offset: { position: 30 } }, { partition: { anything: 1 }, offset: null }];
    expect(new FileStreamSourceConnector().alterOffsets({ topic: 't', file: '/tmp/in.txt' }, offsets)).toBe(true);
  });

  it.each([
    [{ topic: 't' }, [], "Offsets cannot be modified if the 'file' configuration is unspecified. This is because stdin is used for input and offsets are not tracked."],
    [{ topic: 't', file: 'f' }, [{ partition: { filename: 'f' }, offset: {} }], "Offset objects should either be null or contain the key 'position'"],
    [{ topic: 't', file: 'f' }, [{ partition: { filename: 'f' }, offset: { position: '1' } }], "The value for the 'position' key in the offset is expected to be a Long value"],
    [{ topic: 't', file: 'f' }, [{ partition: { filename: 'f' }, offset: { position: -1 } }], "The value for the 'position' key in the offset should be a non-negative value"],
    [{ topic: 't', file: 'f' }, [{ partition: {}, offset: { position: 1 } }], "Partition objects should contain the key 'filename'"],
  ])('rejects offsets it cannot use (%#)', (config, offsets, message) => {
    expect(() => new FileStreamSourceConnector().alterOffsets(config, offsets)).toThrow(message);
  });
});
