import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '#lib/errors';
import { createTestHerder, sinkConfig, sourceConfig, TEST_SINK, TEST_SOURCE, type TestHerder } from './herder-harness';

const NOT_STOPPED =
  "Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/c/stop' endpoint";
const ALTERED_OWN = 'The offsets for this connector have been altered successfully';
const RESET_OWN = 'The offsets for this connector have been reset successfully';
const ALTERED_FRAMEWORK =
  'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';
const RESET_FRAMEWORK =
  'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.';

const sinkOffsets = { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 5 } }] };
const sourceOffsets = { offsets: [{ partition: { filename: '/tmp/in.txt' }, offset: { position: 30 } }] };

async function stopped(t: TestHerder, config: Record<string, string>): Promise<void> {
  await t.herder.createConnector('c', config);
  await t.herder.stopConnector('c');
}

describe('getOffsets', () => {
  it('lists no offsets for a connector that committed none', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    expect(await herder.getOffsets('c')).toEqual({ offsets: [] });
  });

  it('lists the stored offsets of a running connector', async () => {
    const t = createTestHerder();
    await t.herder.createConnector('c', sinkConfig());
    await t.stores.offsets.put('c', sinkOffsets.offsets);

    expect(await t.herder.getOffsets('c')).toEqual(sinkOffsets);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    const attempt = herder.getOffsets('nope');

    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow('Connector nope not found');
  });
});

describe('alterOffsets', () => {
  it('refuses a running connector with Kafka’s message', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    const attempt = herder.alterOffsets('c', sinkOffsets);

    await expect(attempt).rejects.toThrow(BadRequestError);
    await expect(attempt).rejects.toThrow(NOT_STOPPED);
  });

  it('refuses a paused connector with Kafka’s message', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig(), 'PAUSED');

    await expect(herder.alterOffsets('c', sinkOffsets)).rejects.toThrow(NOT_STOPPED);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.alterOffsets('nope', sinkOffsets)).rejects.toThrow('Connector nope not found');
  });

  it('stores the normalised offsets of a stopped sink', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());

    await t.herder.alterOffsets('c', { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: '0' }, offset: { kafka_offset: '5' } }] });

    expect(await t.herder.getOffsets('c')).toEqual(sinkOffsets);
  });

  it('deletes the offset of a partition given a null offset', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());
    await t.herder.alterOffsets('c', sinkOffsets);

    await t.herder.alterOffsets('c', { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: null }] });

    expect(await t.herder.getOffsets('c')).toEqual({ offsets: [] });
  });

  it('answers with the short message for FileStreamSink, which overrides alterOffsets', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());

    expect(await t.herder.alterOffsets('c', sinkOffsets)).toBe(ALTERED_OWN);
  });

  it('answers with the framework-managed message for a sink without its own alterOffsets', async () => {
    const t = createTestHerder();
    await stopped(t, { 'connector.class': TEST_SINK, topics: 't1' });

    expect(await t.herder.alterOffsets('c', sinkOffsets)).toBe(ALTERED_FRAMEWORK);
  });

  it('rejects an invalid sink partition with Kafka’s message and stores nothing', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());

    const attempt = t.herder.alterOffsets('c', { offsets: [...sinkOffsets.offsets, { partition: { kafka_topic: 't1' }, offset: null }] });

    await expect(attempt).rejects.toThrow("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
    expect(await t.herder.getOffsets('c')).toEqual({ offsets: [] });
  });

  it('answers with the short message for FileStreamSource, which overrides alterOffsets', async () => {
    const t = createTestHerder();
    await stopped(t, sourceConfig());

    expect(await t.herder.alterOffsets('c', sourceOffsets)).toBe(ALTERED_OWN);
  });

  it('stores the offsets of a stopped source as given', async () => {
    const t = createTestHerder();
    await stopped(t, sourceConfig());

    await t.herder.alterOffsets('c', sourceOffsets);

    expect(await t.herder.getOffsets('c')).toEqual(sourceOffsets);
  });

  it('answers with the framework-managed message for a source without its own alterOffsets', async () => {
    const t = createTestHerder();
    await stopped(t, { 'connector.class': TEST_SOURCE });

    expect(await t.herder.alterOffsets('c', { offsets: [{ partition: { shard: 'a' }, offset: { seq: 1 } }] })).toBe(ALTERED_FRAMEWORK);
  });

  it('rejects a source offset holding a map with Kafka’s message', async () => {
    const t = createTestHerder();
    await stopped(t, { 'connector.class': TEST_SOURCE });

    const attempt = t.herder.alterOffsets('c', { offsets: [{ partition: { shard: 'a' }, offset: { seq: { n: 1 } } }] });

    await expect(attempt).rejects.toThrow('Offsets may only contain primitive types as values, but field seq contains MAP');
  });

  it('passes on the connector’s own rejection and stores nothing', async () => {
    const t = createTestHerder();
    await stopped(t, sourceConfig());

    const attempt = t.herder.alterOffsets('c', { offsets: [{ partition: { filename: '/tmp/in.txt' }, offset: { line: 3 } }] });

    await expect(attempt).rejects.toThrow("Offset objects should either be null or contain the key 'position'");
    expect(await t.herder.getOffsets('c')).toEqual({ offsets: [] });
  });
});

describe('resetOffsets', () => {
  it('removes every offset of the connector', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());
    await t.herder.alterOffsets('c', sinkOffsets);

    await t.herder.resetOffsets('c');

    expect(await t.herder.getOffsets('c')).toEqual({ offsets: [] });
  });

  it('answers with the short message for FileStreamSink, which overrides alterOffsets', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());

    expect(await t.herder.resetOffsets('c')).toBe(RESET_OWN);
  });

  it('answers with the framework-managed message for a connector without its own alterOffsets', async () => {
    const t = createTestHerder();
    await stopped(t, { 'connector.class': TEST_SINK, topics: 't1' });

    expect(await t.herder.resetOffsets('c')).toBe(RESET_FRAMEWORK);
  });

  it('is idempotent', async () => {
    const t = createTestHerder();
    await stopped(t, sinkConfig());
    await t.herder.alterOffsets('c', sinkOffsets);
    await t.herder.resetOffsets('c');

    expect(await t.herder.resetOffsets('c')).toBe(RESET_OWN);
  });

  it('refuses a running connector with Kafka’s message', async () => {
    const { herder } = createTestHerder();
    await herder.createConnector('c', sinkConfig());

    await expect(herder.resetOffsets('c')).rejects.toThrow(NOT_STOPPED);
  });

  it('keeps the offsets when the connector rejects the reset', async () => {
    const t = createTestHerder();
    await stopped(t, sourceConfig());
    await t.herder.alterOffsets('c', sourceOffsets);
    await t.herder.patchConnectorConfig('c', { file: null });

    await expect(t.herder.resetOffsets('c')).rejects.toThrow("Offsets cannot be modified if the 'file' configuration is unspecified.");
    expect(await t.herder.getOffsets('c')).toEqual(sourceOffsets);
  });

  it('answers an unknown connector with Kafka’s 404 message', async () => {
    const { herder } = createTestHerder();

    await expect(herder.resetOffsets('nope')).rejects.toThrow('Connector nope not found');
  });
});
