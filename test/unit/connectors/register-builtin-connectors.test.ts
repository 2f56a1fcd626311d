import { describe, expect, it } from 'vitest';
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { isSinkConnectorDescriptor, isSourceConnectorDescriptor } from '#lib/plugin/task-types';

describe('registerBuiltinConnectors', () => {
  it('registers the FileStream connectors, the JDBC source and sink, the HTTP sink and the data generator', () => {
    expect(registerBuiltinConnectors(new PluginRegistry()).list()).toEqual([
      { class: 'io.confluent.connect.jdbc.JdbcSinkConnector', type: 'sink', version: '10.9.7' },
      { class: 'io.lambdaconnect.connect.http.HttpSinkConnector', type: 'sink', version: '1.0.0' },
      { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '3.9.0' },
      { class: 'io.confluent.connect.jdbc.JdbcSourceConnector', type: 'source', version: '10.9.7' },
      { class: 'io.lambdaconnect.connect.datagen.DataGenSourceConnector', type: 'source', version: '1.0.0' },
      { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '3.9.0' },
    ]);
  });

  it('is what the default registry starts with', () => {
    expect(createDefaultRegistry().connector('FileStreamSource').className).toBe('org.apache.kafka.connect.file.FileStreamSourceConnector');
  });

  it.each([
    ['JdbcSourceConnector', 'io.confluent.connect.jdbc.JdbcSourceConnector'],
    ['JdbcSource', 'io.confluent.connect.jdbc.JdbcSourceConnector'],
    ['DataGenSource', 'io.lambdaconnect.connect.datagen.DataGenSourceConnector'],
    ['DataGen', 'io.lambdaconnect.connect.datagen.DataGenSourceConnector'],
    ['JdbcSinkConnector', 'io.confluent.connect.jdbc.JdbcSinkConnector'],
    ['JdbcSink', 'io.confluent.connect.jdbc.JdbcSinkConnector'],
    ['HttpSink', 'io.lambdaconnect.connect.http.HttpSinkConnector'],
    ['FileStreamSink', 'org.apache.kafka.connect.file.FileStreamSinkConnector'],
  ])('resolves the alias %s', (alias, className) => {
    expect(registerBuiltinConnectors(new PluginRegistry()).connector(alias).className).toBe(className);
  });

  it('gives every source connector a task factory', () => {
    const sources = registerBuiltinConnectors(new PluginRegistry()).connectors().filter((d) => d.type === 'source');
    expect(sources.every(isSourceConnectorDescriptor)).toBe(true);
  });

  it('gives every sink connector a task factory', () => {
    const sinks = registerBuiltinConnectors(new PluginRegistry()).connectors().filter((d) => d.type === 'sink');
    expect(sinks.map((d) => isSinkConnectorDescriptor(d))).toEqual([true, true, true]);
  });
});
