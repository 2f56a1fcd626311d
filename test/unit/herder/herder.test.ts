import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '#lib/errors';
import { createTestHerder, sinkConfig, SINK, SOURCE, sourceConfig } from './herder-harness';

describe('serverInfo', () => {
  it('answers what the deployment reports', async () => {
    const { herder } = createTestHerder();

    expect(await herder.serverInfo()).toEqual({ version: '3.9.0', commit: 'abc', kafka_cluster_id: 'cluster-1' });
  });
});

describe('listConnectors', () => {
  it('lists connector names sorted', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('b', sinkConfig());
    await herder.createConnector('a', sinkConfig(), 'STOPPED');

    expect(await herder.listConnectors()).toEqual(['a', 'b']);
  });
});

describe('expandConnectors', () => {
  it('gives each connector its status and info when both are asked for', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    expect(await herder.expandConnectors({ status: true, info: true })).toEqual({
      c: { status: await herder.connectorStatus('c'), info: await herder.connectorInfo('c') },
    });
  });

  it('gives each connector an empty entry when nothing is asked for', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    expect(await herder.expandConnectors({ status: false, info: false })).toEqual({ c: {} });
  });

  it('omits a connector whose status has not been written yet from a status expansion', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('a', sinkConfig());
    await t.herder.createConnector('b', sinkConfig());
    await t.stores.statuses.deleteAll('a');

    expect(Object.keys(await t.herder.expandConnectors({ status: true, info: false }))).toEqual(['b']);
  });

  it('keeps a connector without a status in an info-only expansion', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('a', sinkConfig());
    await t.stores.statuses.deleteAll('a');

    expect(Object.keys(await t.herder.expandConnectors({ status: false, info: true }))).toEqual(['a']);
  });
});

describe('connectorInfo', () => {
  it('reports a source connector’s type as source', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sourceConfig());

    expect((await herder.connectorInfo('c')).type).toBe('source');
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.connectorInfo('nope');

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Connector nope not found');
  });
});

describe('connectorConfig', () => {
  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.connectorConfig('nope')).rejects.toThrow('Connector nope not found');
  });
});

describe('taskConfigs', () => {
  it('gives each task its id and config, with task.class and the sink’s topics', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    expect(await herder.taskConfigs('c')).toEqual([
      { id: { connector: 'c', task: 0 }, config: { ...sinkConfig(), name: 'c', 'task.class': 'org.apache.kafka.connect.file.FileStreamSinkTask' } },
    ]);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.taskConfigs('nope')).rejects.toThrow('Connector nope not found');
  });
});

describe('connectorPlugins', () => {
  it('lists the connector plugins of the registry', async () => {
    const { herder } = createTestHerder();

    expect((await herder.connectorPlugins(true)).map((p) => p.class)).toEqual(expect.arrayContaining([SINK, SOURCE]));
  });
});

describe('validateConfig', () => {
  it('validates a config against the named plugin', async () => {
    const { herder } = createTestHerder();

    const infos = await herder.validateConfig('FileStreamSinkConnector', sinkConfig({ name: 'c' }));

    expect(infos).toMatchObject({ name: SINK, error_count: 0 });
  });

  it('rejects a config whose connector.class names another plugin with Kafka’s message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.validateConfig('FileStreamSourceConnector', sinkConfig());

    await expect(attempt).rejects.toThrow(BadRequestError);
    await expect(attempt).rejects.toThrow(`Included connector type ${SINK} does not match request type FileStreamSourceConnector`);
  });
});
