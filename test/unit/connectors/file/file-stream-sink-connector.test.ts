import { describe, expect, it } from 'vitest';
import { FileStreamSinkConnector, fileStreamSinkDescriptor } from '#lib/connectors/file/file-stream-sink-connector';
import { toConfigKeyInfo } from '#lib/plugin/config-key-info';

describe('FileStreamSinkConnector', () => {
  it('is registered under its Kafka class name as a sink', () => {
    expect([fileStreamSinkDescriptor.className, fileStreamSinkDescriptor.type, fileStreamSinkDescriptor.version]).toEqual(['org.apache.kafka.connect.file.FileStreamSinkConnector', 'sink', '3.9.0']);
  });

  it('defines only file, as Kafka 3.9 does', () => {
    const keys = [...new FileStreamSinkConnector().config().configKeys().values()].map((k) => toConfigKeyInfo(k));
    expect(keys).toEqual([
      { name: 'file', type: 'STRING', required: false, default_value: null, importance: 'HIGH', documentation: 'Destination filename. If not specified, the standard output will be used', group: null, width: 'NONE', display_name: 'file', dependents: [], order: -1 },
    ]);
  });

  it('generates tasks.max task configs, each the full connector config', () => {
    const connector = new FileStreamSinkConnector();
    const config = { 'connector.class': 'FileStreamSink', name: 'k', topics: 't', file: '/tmp/out.txt' };
    connector.start(config);
    expect([connector.taskClass(), connector.taskConfigs(2)]).toEqual(['org.apache.kafka.connect.file.FileStreamSinkTask', [config, config]]);
  });

  it('accepts any offsets change', () => {
    expect(new FileStreamSinkConnector().alterOffsets()).toBe(true);
  });
});
