import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import { testClient } from '../rest-client';

const PARTITIONS = 'Partitions / offsets need to be provided for an alter offsets request';
const SINK_OFFSETS = { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 1 } }] };

describe('GET /connectors/{c}/offsets', () => {
  it('returns the offsets', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors/s1/offsets');
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 5 } }] });
  });

  it('writes bigint offsets as exact integers', async () => {
    const { send, herder } = testClient();
    herder.getOffsets.mockResolvedValueOnce({ offsets: [{ partition: { p: 1 }, offset: { position: 12345678901234567890n } }] });
    expect((await send('GET', '/connectors/s1/offsets')).body).toBe('{"offsets":[{"partition":{"p":1},"offset":{"position":12345678901234567890}}]}');
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/nope/offsets')).json).toEqual({ error_code: 404, message: 'Connector nope not found' });
  });
});

describe('PATCH /connectors/{c}/offsets', () => {
  it('returns the herder message', async () => {
    const { send, herder } = testClient();
    const res = await send('PATCH', '/connectors/s1/offsets', { body: SINK_OFFSETS });
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ message: 'The offsets for this connector have been altered successfully' });
    expect(herder.alterOffsets).toHaveBeenCalledWith('s1', SINK_OFFSETS);
  });

  it.each([['{}'], ['{"offsets":[]}'], ['{"offsets":null}'], ['']])(
    'refuses %j before looking the connector up',
    async (rawBody) => {
      const { send, herder } = testClient();
      const res = await send('PATCH', '/connectors/nope/offsets', { rawBody });
      expect(res.json).toEqual({ error_code: 400, message: PARTITIONS });
      expect(herder.alterOffsets).not.toHaveBeenCalled();
    },
  );

  it('refuses an object where the offsets list belongs with 400 (Kafka: 500)', async () => {
    const { send } = testClient();
    const res = await send('PATCH', '/connectors/s1/offsets', { rawBody: '{"offsets":{}}' });
    expect(res.statusCode).toBe(400);
    expect((res.json as { message: string }).message).toMatch(/^Cannot deserialize value of type/);
  });

  it('refuses unknown fields in an offset entry', async () => {
    const { send } = testClient();
    const res = await send('PATCH', '/connectors/s1/offsets', { body: { offsets: [{ partition: {}, offset: null, x: 1 }] } });
    expect((res.json as { message: string }).message).toMatch(/^Unrecognized field "x"/);
  });

  it('passes null offsets and missing partitions on for the herder to judge', async () => {
    const { send, herder } = testClient();
    await send('PATCH', '/connectors/s1/offsets', { body: { offsets: [{ offset: null }] } });
    expect(herder.alterOffsets).toHaveBeenCalledWith('s1', { offsets: [{ partition: null, offset: null }] });
  });

  it('keeps integers beyond 2^53 exact as bigints', async () => {
    const { send, herder } = testClient();
    await send('PATCH', '/connectors/s1/offsets', { rawBody: '{"offsets":[{"partition":{"f":"a"},"offset":{"ts":1700000000000000001}}]}' });
    expect(herder.alterOffsets.mock.calls[0]?.[1].offsets[0]?.offset).toEqual({ ts: 1700000000000000001n });
  });

  it('answers 404 for an unknown connector with a non-empty body', async () => {
    const { send } = testClient();
    expect((await send('PATCH', '/connectors/nope/offsets', { body: SINK_OFFSETS })).statusCode).toBe(404);
  });

  it('answers 400 with the herder message when the connector is not stopped', async () => {
    const { send, herder } = testClient();
    const message = 'Connectors must be in the STOPPED state before their offsets can be modified.';
    herder.alterOffsets.mockRejectedValueOnce(new BadRequestError(message));
    expect((await send('PATCH', '/connectors/s1/offsets', { body: SINK_OFFSETS })).json).toEqual({ error_code: 400, message });
  });
});

describe('DELETE /connectors/{c}/offsets', () => {
  it('returns the herder message', async () => {
    const { send } = testClient();
    const res = await send('DELETE', '/connectors/s1/offsets');
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ message: 'The offsets for this connector have been reset successfully' });
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    expect((await send('DELETE', '/connectors/nope/offsets')).statusCode).toBe(404);
  });
});
