import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#lib/errors';
import { createTestHerder, sinkConfig, storedRecord, TEST_SINK, WORKER_ID } from './herder-harness';

describe('pauseConnector', () => {
  it('reports a running connector and all its tasks PAUSED', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    await herder.pauseConnector('c');

    expect(await herder.connectorStatus('c')).toMatchObject({
      connector: { state: 'PAUSED', worker_id: WORKER_ID },
      tasks: [
        { id: 0, state: 'PAUSED', worker_id: WORKER_ID },
        { id: 1, state: 'PAUSED', worker_id: WORKER_ID },
      ],
    });
  });

  it('keeps the task configs of a running connector', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    await herder.pauseConnector('c');

    expect(await herder.taskConfigs('c')).toHaveLength(2);
  });

  it('pauses a stopped connector without giving it tasks', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'STOPPED');

    await herder.pauseConnector('c');

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'PAUSED' }, tasks: [] });
  });

  it('is idempotent', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await herder.pauseConnector('c');
    await herder.pauseConnector('c');

    expect((await herder.connectorStatus('c')).connector.state).toBe('PAUSED');
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await t.herder.pauseConnector('c');

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.pauseConnector('nope');

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Unknown connector nope');
  });
});

describe('stopConnector', () => {
  it('reports a running connector STOPPED without tasks', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    await herder.stopConnector('c');

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'STOPPED', worker_id: WORKER_ID }, tasks: [] });
  });

  it('empties the task configs', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    await herder.stopConnector('c');

    expect(await herder.taskConfigs('c')).toEqual([]);
    expect((await herder.connectorInfo('c')).tasks).toEqual([]);
  });

  it('removes the statuses of the former tasks', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));

    await t.herder.stopConnector('c');

    expect((await t.stores.statuses.get('c')).tasks).toEqual([]);
  });

  it('stops a FAILED connector', async () => {
    const t = createTestHerder();
    t.behaviour.startError = new Error('boom');
    await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1' });

    await t.herder.stopConnector('c');

    expect((await t.herder.connectorStatus('c')).connector).toEqual({ state: 'STOPPED', worker_id: WORKER_ID });
  });

  it('stops a paused connector', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'PAUSED');

    await herder.stopConnector('c');

    expect((await herder.connectorStatus('c')).connector.state).toBe('STOPPED');
  });

  it('is idempotent', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await herder.stopConnector('c');
    await herder.stopConnector('c');

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());

    await t.herder.stopConnector('c');

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.stopConnector('nope')).rejects.toThrow('Unknown connector nope');
  });
});

describe('resumeConnector', () => {
  it('reports a paused connector RUNNING with UNASSIGNED tasks', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));
    await herder.pauseConnector('c');

    await herder.resumeConnector('c');

    expect(await herder.connectorStatus('c')).toMatchObject({
      connector: { state: 'RUNNING', worker_id: WORKER_ID },
      tasks: [
        { id: 0, state: 'UNASSIGNED', worker_id: null },
        { id: 1, state: 'UNASSIGNED', worker_id: null },
      ],
    });
  });

  it('regenerates the task configs of a stopped connector', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '2' }));
    await herder.stopConnector('c');

    await herder.resumeConnector('c');

    expect((await herder.taskConfigs('c')).map((t) => t.id.task)).toEqual([0, 1]);
    expect((await herder.connectorStatus('c')).tasks).toHaveLength(2);
  });

  it('gives a connector created PAUSED its tasks', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig({ 'tasks.max': '3' }), 'PAUSED');

    await herder.resumeConnector('c');

    expect(await herder.taskConfigs('c')).toHaveLength(3);
  });

  it('stores the STARTED target state', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig(), 'STOPPED');

    await t.herder.resumeConnector('c');

    expect((await storedRecord(t, 'c')).targetState).toBe('STARTED');
  });

  it('marks a connector FAILED without tasks when its start throws', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', { 'connector.class': TEST_SINK, topics: 't1' }, 'STOPPED');
    t.behaviour.startError = new Error('still broken');

    await t.herder.resumeConnector('c');

    expect(await t.herder.connectorStatus('c')).toMatchObject({ connector: { state: 'FAILED', trace: expect.stringContaining('still broken') }, tasks: [] });
  });

  it('is idempotent', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await herder.resumeConnector('c');
    await herder.resumeConnector('c');

    expect(await herder.connectorStatus('c')).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ id: 0 }] });
  });

  it('bumps the generation', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig(), 'PAUSED');

    await t.herder.resumeConnector('c');

    expect((await storedRecord(t, 'c')).generation).toBe(2);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.resumeConnector('nope')).rejects.toThrow('Unknown connector nope');
  });
});
