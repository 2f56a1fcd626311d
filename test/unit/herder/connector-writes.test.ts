import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, InvalidConfigError, NotFoundError } from '#lib/errors';
import { createTestHerder, sinkConfig, SINK, storedRecord, TEST_SINK, WORKER_ID } from './herder-harness';

describe('createConnector', () => {
  it('creates a connector RUNNING with tasks.max task configs by default', async () => {
    const { herder } = createTestHerder();

    const info = await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    expect(info).toEqual({
      name: 'c',
      config: { ...sinkConfig({ 'tasks.max': '2' }), name: 'c' },
      tasks: [
        { connector: 'c', task: 0 },
        { connector: 'c', task: 1 },
      ],
      type: 'sink',
    });
  });

  it('reports a connector created RUNNING as RUNNING with UNASSIGNED tasks', async () => {
    const { herder } = createTestHerder();

    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }), 'RUNNING');

    expect(await herder.connectorStatus('c')).toEqual({
      name: 'c',
      connector: { state: 'RUNNING', worker_id: WORKER_ID },
      tasks: [
        { id: 0, state: 'UNASSIGNED', worker_id: null },
        { id: 1, state: 'UNASSIGNED', worker_id: null },
      ],
      type: 'sink',
    });
  });

  it('generates no task configs for a connector created PAUSED', async () => {
    const { herder } = createTestHerder();

    const info = await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }), 'PAUSED');

    expect(info.tasks).toEqual([]);
    expect(await herder.taskConfigs('c')).toEqual([]);
  });

  it('reports a connector created PAUSED as PAUSED without tasks', async () => {
    const { herder } = createTestHerder();

    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }), 'PAUSED');

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'PAUSED', worker_id: WORKER_ID }, tasks: [] });
  });

  it('generates no task configs for a connector created STOPPED', async () => {
    const { herder } = createTestHerder();

    const info = await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }), 'STOPPED');

    expect(info.tasks).toEqual([]);
    expect(await herder.taskConfigs('c')).toEqual([]);
  });

  it('reports a connector created STOPPED as STOPPED without tasks', async () => {
    const { herder } = createTestHerder();

    await herder.createConnector('c', sinkConfig(), 'STOPPED');

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
  });

  it('stores the target state that matches the initial state', async () => {
    const t = createTestHerder();

    await t.herder.createConnector('running', sinkConfig(), 'RUNNING');
    await t.herder.createConnector('paused', sinkConfig(), 'PAUSED');
    await t.herder.createConnector('stopped', sinkConfig(), 'STOPPED');

    expect([(await storedRecord(t, 'running')).targetState, (await storedRecord(t, 'paused')).targetState, (await storedRecord(t, 'stopped')).targetState]).toEqual([
      'STARTED',
      'PAUSED',
      'STOPPED',
    ]);
  });

  it('starts a new connector at generation 1', async () => {
    const t = createTestHerder();

    await t.herder.createConnector('c', sinkConfig());

    expect((await storedRecord(t, 'c')).generation).toBe(1);
  });

  it('rejects a name that is taken with Kafka’s message', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    const attempt = herder.createConnector('c', sinkConfig());

    await expect(attempt).rejects.toThrow(AlreadyExistsError);
    await expect(attempt).rejects.toThrow('Connector c already exists');
  });

  it('leaves the existing connector untouched when a create of its name is rejected', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ topics: 'first' }));

    await herder.createConnector('c', sinkConfig({ topics: 'second' })).catch(() => undefined);

    expect((await herder.connectorConfig('c')).topics).toBe('first');
  });

  it('rejects an invalid config and stores nothing', async () => {
    const { herder } = createTestHerder();

    await expect(herder.createConnector('c', { 'connector.class': SINK, 'tasks.max': '0', topics: 't1' })).rejects.toThrow(InvalidConfigError);
    expect(await herder.listConnectors()).toEqual([]);
  });

  it('stores the name from the URL in the config', async () => {
    const { herder } = createTestHerder();

    await herder.createConnector('c', sinkConfig());

    expect((await herder.connectorConfig('c')).name).toBe('c');
  });

  it('marks a connector whose start throws FAILED with the error’s trace', async () => {
    const t = createTestHerder();
    t.behaviour.startError = new Error('cannot reach the database');

    await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1' });

    const status = await t.herder.connectorStatus('c');
    expect(status.connector.state).toBe('FAILED');
    expect(status.connector.trace).toMatch(/^Error: cannot reach the database\n\s+at /);
  });

  it('gives a connector whose start throws no tasks', async () => {
    const t = createTestHerder();
    t.behaviour.startError = new Error('boom');

    const info = await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '3' });

    expect(info.tasks).toEqual([]);
    expect((await t.herder.connectorStatus('c')).tasks).toEqual([]);
  });

  it('marks a connector that generates more than tasks.max task configs FAILED with Kafka’s message', async () => {
    const t = createTestHerder();
    t.behaviour.taskCount = (max) => max + 1;

    await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '2' });

    const status = await t.herder.connectorStatus('c');
    expect(status.connector.state).toBe('FAILED');
    expect(status.connector.trace).toContain(
      'The connector c has generated 3 tasks, which is greater than 2, the maximum number of tasks it is configured to create. ' +
        'This behaviour should be considered a bug and is disallowed. ' +
        "If necessary, it can be permitted by reconfiguring the connector with 'tasks.max.enforce' set to false; " +
        'however, this option will be removed in a future release of Kafka Connect.',
    );
    expect(status.tasks).toEqual([]);
  });

  it('accepts more task configs than tasks.max when tasks.max.enforce is false', async () => {
    const t = createTestHerder();
    t.behaviour.taskCount = (max) => max + 1;

    const info = await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1', 'tasks.max': '2', 'tasks.max.enforce': 'false' });

    expect(info.tasks).toHaveLength(3);
  });
});

describe('putConnectorConfig', () => {
  it('creates a missing connector RUNNING and says it was created', async () => {
    const { herder } = createTestHerder();

    const result = await herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '2' }));

    expect(result.created).toBe(true);
    expect(result.info.tasks).toHaveLength(2);
    expect((await herder.connectorStatus('c')).connector.state).toBe('RUNNING');
  });

  it('replaces the config of an existing connector and says it was not created', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ extra: 'x' }));

    const result = await herder.putConnectorConfig('c', sinkConfig({ topics: 't2' }));

    expect(result.created).toBe(false);
    expect(await herder.connectorConfig('c')).toEqual({ ...sinkConfig({ topics: 't2' }), name: 'c' });
  });

  it('regenerates the task configs of a running connector from the new config', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '1' }));

    await herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '3', topics: 't2' }));

    const tasks = await herder.taskConfigs('c');
    expect(tasks.map((t) => t.id)).toEqual([0, 1, 2].map((task) => ({ connector: 'c', task })));
    expect(tasks.every((t) => t.config.topics === 't2')).toBe(true);
  });

  it('keeps the task configs of a stopped connector empty', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'STOPPED');

    const result = await herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '3' }));

    expect(result.info.tasks).toEqual([]);
    expect((await herder.connectorStatus('c')).connector.state).toBe('STOPPED');
  });

  it('keeps a connector created PAUSED without task configs', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'PAUSED');

    const result = await herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '3' }));

    expect(result.info.tasks).toEqual([]);
    expect((await herder.connectorStatus('c')).connector.state).toBe('PAUSED');
  });

  it('regenerates the task configs of a connector paused while it had tasks', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());
    await herder.pauseConnector('c');

    await herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '2' }));

    expect(await herder.connectorStatus('c')).toMatchObject({
      connector: { state: 'PAUSED' },
      tasks: [
        { id: 0, state: 'PAUSED' },
        { id: 1, state: 'PAUSED' },
      ],
    });
  });

  it('bumps the generation when the config changes', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await t.herder.putConnectorConfig('c', sinkConfig({ topics: 't2' }));

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('removes the statuses of tasks beyond a reduced tasks.max', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig({ 'tasks.max': '3' }));

    await t.herder.putConnectorConfig('c', sinkConfig({ 'tasks.max': '1' }));

    expect((await t.stores.statuses.get('c')).tasks.map((s) => s.taskId)).toEqual([0]);
  });

  it('marks a running connector FAILED when its new config makes start throw', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1' });
    t.behaviour.startError = new Error('bad credentials');

    const result = await t.herder.putConnectorConfig('c', { 'connector.class': TEST_SINK, topics: 't2' });

    expect(result.info.tasks).toEqual([]);
    expect((await t.herder.connectorStatus('c')).connector).toMatchObject({ state: 'FAILED', trace: expect.stringContaining('bad credentials') });
  });

  it('rejects an invalid config and keeps the stored one', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await expect(herder.putConnectorConfig('c', { 'connector.class': SINK, 'tasks.max': '0', topics: 't1' })).rejects.toThrow(InvalidConfigError);
    expect(await herder.connectorConfig('c')).toEqual({ ...sinkConfig(), name: 'c' });
  });
});

describe('patchConnectorConfig', () => {
  it('merges the patch into the stored config', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    const info = await herder.patchConnectorConfig('c', { topics: 't2', extra: 'x' });

    expect(info.config).toEqual({ ...sinkConfig({ topics: 't2', extra: 'x' }), name: 'c' });
  });

  it('deletes keys whose patch value is null', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ extra: 'x' }));

    await herder.patchConnectorConfig('c', { extra: null });

    expect(await herder.connectorConfig('c')).not.toHaveProperty('extra');
  });

  it('regenerates task configs from the patched config', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await herder.patchConnectorConfig('c', { 'tasks.max': '2' });

    expect(await herder.taskConfigs('c')).toHaveLength(2);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.patchConnectorConfig('nope', { topics: 't2' });

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Connector nope not found');
  });

  it('rejects a patch that makes the config invalid', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await expect(herder.patchConnectorConfig('c', { topics: null })).rejects.toThrow(InvalidConfigError);
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await t.herder.patchConnectorConfig('c', { extra: 'x' });

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });
});

describe('deleteConnector', () => {
  it('removes the connector', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await herder.deleteConnector('c');

    expect(await herder.listConnectors()).toEqual([]);
  });

  it('removes the connector’s and its tasks’ statuses', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    await t.herder.deleteConnector('c');

    expect(await t.stores.statuses.get('c')).toEqual({ tasks: [] });
  });

  it('forgets the topics the connector used', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.topics.add('c', ['t1']);

    await t.herder.deleteConnector('c');

    expect(await t.herder.connectorTopics('c')).toEqual([]);
  });

  it('keeps the connector’s offsets', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    const offsets = [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 42 } }];
    await t.stores.offsets.put('c', offsets);

    await t.herder.deleteConnector('c');

    expect(await t.stores.offsets.list('c')).toEqual(offsets);
  });

  it('lets a re-created namesake resume from the offsets', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    const offsets = [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 42 } }];
    await t.stores.offsets.put('c', offsets);
    await t.herder.deleteConnector('c');

    await t.herder.createConnector('c', sinkConfig());

    expect(await t.herder.getOffsets('c')).toEqual({ offsets });
  });

  it('deletes a connector created PAUSED', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'PAUSED');

    await herder.deleteConnector('c');

    await expect(herder.connectorStatus('c')).rejects.toThrow('No status found for connector c');
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.deleteConnector('nope');

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Connector nope not found');
  });
});

describe('concurrent writes', () => {
  it('lose no key when patches race', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await Promise.all(Array.from({ length: 20 }, (_, i) => herder.patchConnectorConfig('c', { [`key.${i}`]: String(i) })));

    const config = await herder.connectorConfig('c');
    expect(Array.from({ length: 20 }, (_, i) => config[`key.${i}`])).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  it('create the connector exactly once when PUTs of a new name race', async () => {
    const { herder } = createTestHerder();

    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => herder.putConnectorConfig('c', sinkConfig({ topics: `t${i}` }))));

    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('never resurrect a connector deleted while it is paused', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await Promise.allSettled([herder.pauseConnector('c'), herder.deleteConnector('c'), herder.resumeConnector('c')]);

    expect(await herder.listConnectors()).toEqual([]);
    await expect(herder.connectorStatus('c')).rejects.toThrow('No status found for connector c');
  });
});
