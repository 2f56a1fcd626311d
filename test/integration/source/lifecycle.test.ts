/** Pause, resume, stop and the offsets API around running source windows, through the REST API. */
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTING_SOURCE, countingBehaviour, countingPartition } from '#test/unit/runtime/source/fixtures/counting-source';
import { range, rowIds, useSourceStack, type SourceTestEnv } from './source-stack';

const stack = useSourceStack();
let env: SourceTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

let counter = 0;
async function createCounter(rows: number): Promise<{ name: string; topic: string }> {
  counter += 1;
  const name = `lifecycle-${counter}-${Date.now()}`;
  const topic = `${name}-rows`;
  env = await stack.fresh();
  await env.rest('POST', '/connectors', { name, config: { 'connector.class': COUNTING_SOURCE, topic, rows: String(rows), 'batch.size': '10' } });
  return { name, topic };
}

describe('a running source task and its connector lifecycle', () => {
  it('sends no more records within one batch of a pause, and resumes from the committed offset', async () => {
    const { name, topic } = await createCounter(60);
    env!.onPhase = async (phase, info) => {
      if (phase === 'after-produce' && info.batch === 3 && countingBehaviour(name).starts.length === 1) {
        expect((await env!.rest('PUT', `/connectors/${name}/pause`)).status).toBe(202);
      }
    };
    await env!.dispatchAndWait();
    expect(rowIds(await stack.readTopic(topic))).toEqual(range(0, 30));
    expect((await env!.rest('GET', `/connectors/${name}/status`)).json.tasks[0].state).toBe('PAUSED');

    await env!.dispatchAndWait();
    expect(countingBehaviour(name).starts).toEqual([0]);
    expect((await env!.rest('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await env!.dispatchAndWait();
    expect(countingBehaviour(name).starts).toEqual([0, 20]);
    expect(rowIds(await stack.readTopic(topic))).toEqual([...range(0, 30), ...range(20, 60)]);
  });

  it('resumes where PATCH /offsets told it to after a stop', async () => {
    const { name, topic } = await createCounter(30);
    await env!.dispatchAndWait();
    expect((await env!.rest('PUT', `/connectors/${name}/stop`)).status).toBe(204);
    const patched = await env!.rest('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: countingPartition(name, 0), offset: { row: 9 } }] });
    expect(patched.status).toBe(200);
    expect((await env!.rest('GET', `/connectors/${name}/offsets`)).json.offsets).toEqual([{ partition: countingPartition(name, 0), offset: { row: 9 } }]);
    expect((await env!.rest('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await env!.dispatchAndWait();
    expect(countingBehaviour(name).starts).toEqual([0, 10]);
    expect(rowIds(await stack.readTopic(topic))).toEqual([...range(0, 30), ...range(10, 30)]);
    expect((await env!.rest('GET', `/connectors/${name}/offsets`)).json.offsets[0].offset).toEqual({ row: 29 });
  });

  it('starts from scratch after DELETE /offsets on a stopped connector', async () => {
    const { name, topic } = await createCounter(20);
    await env!.dispatchAndWait();
    await env!.rest('PUT', `/connectors/${name}/stop`);
    expect((await env!.rest('DELETE', `/connectors/${name}/offsets`)).status).toBe(200);
    await env!.rest('PUT', `/connectors/${name}/resume`);
    await env!.dispatchAndWait();
    expect(countingBehaviour(name).starts).toEqual([0, 0]);
    expect(rowIds(await stack.readTopic(topic))).toEqual([...range(0, 20), ...range(0, 20)]);
  });
});
