import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import { createConnectorPlugins } from '#lib/plugin/connector-plugins';
import { ConnectorClassError } from '#lib/plugin/plugin-errors';
import { builtinConnectorsRegistry, fakeConnector, filterTransformation } from './fake-plugins';

const SINK_CONFIG = { 'connector.class': 'FileStreamSink', name: 's1', topics: 't1', 'tasks.max': '2' };

describe('createConnectorPlugins', () => {
  it('validates through the registry', async () => {
    const plugins = createConnectorPlugins(builtinConnectorsRegistry());
    expect((await plugins.validate({ ...SINK_CONFIG, 'tasks.max': '0' })).error_count).toBe(1);
    await expect(plugins.validate({})).rejects.toBeInstanceOf(BadRequestError);
  });

  it('builds the 400 message of invalid configs', async () => {
    const plugins = createConnectorPlugins(builtinConnectorsRegistry());
    expect(plugins.errorsMessage(await plugins.validate({ ...SINK_CONFIG, 'tasks.max': '0' }))).toMatch(/^Connector configuration is invalid and contains the following 1 error\(s\):\n/);
  });

  it('tells the connector type, or unknown', () => {
    const plugins = createConnectorPlugins(builtinConnectorsRegistry());
    expect([plugins.connectorType('FileStreamSink'), plugins.connectorType('FileStreamSource'), plugins.connectorType('Nope')]).toEqual(['sink', 'source', 'unknown']);
  });

  it('generates task configs with the framework keys and tasks.max', async () => {
    const tasks = await createConnectorPlugins(builtinConnectorsRegistry()).generateTaskConfigs(SINK_CONFIG);
    expect(tasks).toEqual([
      { ...SINK_CONFIG, 'task.class': 'org.apache.kafka.connect.file.FileStreamSinkTask' },
      { ...SINK_CONFIG, 'task.class': 'org.apache.kafka.connect.file.FileStreamSinkTask' },
    ]);
  });

  it('stops the connector even when it fails to start', async () => {
    let stopped = false;
    const failing = fakeConnector('com.x.FailingConnector', 'source', {
      start: () => {
        throw new Error('cannot start');
      },
      stop: () => {
        stopped = true;
      },
    });
    const plugins = createConnectorPlugins(builtinConnectorsRegistry().register(failing));
    await expect(plugins.generateTaskConfigs({ 'connector.class': 'com.x.FailingConnector', name: 'f' })).rejects.toThrow('cannot start');
    expect(stopped).toBe(true);
  });

  it('fails task generation for an unknown class with the registry error', async () => {
    await expect(createConnectorPlugins(builtinConnectorsRegistry()).generateTaskConfigs({ 'connector.class': 'Nope', name: 'n' })).rejects.toBeInstanceOf(ConnectorClassError);
  });

  it('asks the connector to alter offsets, defaulting to framework-managed', async () => {
    const registry = builtinConnectorsRegistry().register(fakeConnector('com.x.PlainConnector', 'source'));
    const plugins = createConnectorPlugins(registry);
    expect(await plugins.alterOffsets(SINK_CONFIG, [])).toBe(true);
    expect(await plugins.alterOffsets({ 'connector.class': 'com.x.PlainConnector', name: 'p' }, [])).toBe(false);
  });

  it('lists only connectors, sinks first, unless every plugin is asked for', () => {
    const registry = builtinConnectorsRegistry().register(filterTransformation);
    const plugins = createConnectorPlugins(registry);
    expect(plugins.list(true).map((p) => p.type)).toEqual(['sink', 'sink', 'sink', 'source', 'source', 'source']);
    expect(plugins.list(false).map((p) => p.type)).toEqual(['sink', 'sink', 'sink', 'source', 'source', 'source', 'transformation']);
  });

  it('returns plugin config keys', () => {
    expect(createConnectorPlugins(builtinConnectorsRegistry()).pluginConfig('FileStreamSink')[0]?.name).toBe('file');
  });
});
