import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '#lib/errors';
import { createTestHerder, sinkConfig } from './herder-harness';

describe('connectorTopics', () => {
  it('lists the topics the connector used, sorted', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.topics.add('c', ['t2', 't1']);

    expect(await t.herder.connectorTopics('c')).toEqual(['t1', 't2']);
  });

  it('lists no topics for an unknown connector, without checking that it exists', async () => {
    const { herder } = createTestHerder();

    expect(await herder.connectorTopics('nope')).toEqual([]);
  });

  it('is forbidden with Kafka’s message when topic tracking is disabled', async () => {
    const { herder } = createTestHerder({ topicTrackingEnabled: false });

    const attempt = herder.connectorTopics('c');

    await expect(attempt).rejects.toThrow(ForbiddenError);
    await expect(attempt).rejects.toThrow('Topic tracking is disabled.');
  });
});

describe('resetConnectorTopics', () => {
  it('forgets the topics the connector used', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.topics.add('c', ['t1']);

    await t.herder.resetConnectorTopics('c');

    expect(await t.herder.connectorTopics('c')).toEqual([]);
  });

  it('succeeds for an unknown connector', async () => {
    const { herder } = createTestHerder();

    await expect(herder.resetConnectorTopics('nope')).resolves.toBeUndefined();
  });

  it('is forbidden with Kafka’s message when resets are disabled', async () => {
    const { herder } = createTestHerder({ topicTrackingAllowReset: false });

    const attempt = herder.resetConnectorTopics('c');

    await expect(attempt).rejects.toThrow(ForbiddenError);
    await expect(attempt).rejects.toThrow('Topic tracking reset is disabled.');
  });

  it('keeps the topics when resets are disabled', async () => {
    const t = createTestHerder({ topicTrackingAllowReset: false });
    await t.stores.topics.add('c', ['t1']);

    await t.herder.resetConnectorTopics('c').catch(() => undefined);

    expect(await t.herder.connectorTopics('c')).toEqual(['t1']);
  });

  it('reports tracking as disabled before resets when both are disabled', async () => {
    const { herder } = createTestHerder({ topicTrackingEnabled: false, topicTrackingAllowReset: false });

    await expect(herder.resetConnectorTopics('c')).rejects.toThrow('Topic tracking is disabled.');
  });
});
