/** Source tasks end to end: REST → dispatcher → windows → kafkajs producer → broker, offsets in DynamoDB. */
import { afterEach, describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { COUNTING_SOURCE, countingBehaviour, countingPartition } from '#test/unit/runtime/source/fixtures/counting-source';
import { range, rowIds, useSourceStack, WORKER_ID, type SourceTestEnv } from './source-stack';

const stack = useSourceStack();
let env: SourceTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

let counter = 0;
async function createCounter(config: Record<string, string> = {}): Promise<{ name: string; topic: string }> {
  counter += 1;
  const name = `windows-${counter}-${Date.now()}`;
  const topic = `${name}-rows`;
  env = env ?? (await stack.fresh());
  const created = await env.rest('POST', '/connectors', { name, config: { 'connector.class': COUNTING_SOURCE, topic, rows: '30', 'batch.size': '10', ...config } });
  expect(created.status).toBe(201);
  return { name, topic };
}

const ROW_0 =
  '{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"id"},{"type":"int32","optional":false,"field":"task"}],"optional":false,"name":"Row"},"payload":{"id":0,"task":0}}';

describe('source tasks against the broker', () => {
  it('moves rows through dispatcher, window and producer into the topic in JsonConverter format', async () => {
    const { name, topic } = await createCounter();
    await env!.dispatchAndWait();
    const records = await stack.readTopic(topic);
    expect(rowIds(records)).toEqual(range(0, 30));
    expect(records[0]).toEqual({ partition: 0, key: '{"schema":{"type":"string","optional":false},"payload":"row-0"}', value: ROW_0 });
    expect((await env!.rest('GET', `/connectors/${name}/offsets`)).json).toEqual({ offsets: [{ partition: countingPartition(name, 0), offset: { row: 29 } }] });
  });

  it('tracks the topic and reports the task RUNNING under the invocation that ran it', async () => {
    const { name, topic } = await createCounter({ rows: '5' });
    await env!.dispatchAndWait();
    expect((await env!.rest('GET', `/connectors/${name}/topics`)).json).toEqual({ [name]: { topics: [topic] } });
    const status = (await env!.rest('GET', `/connectors/${name}/status`)).json;
    expect(status.tasks).toEqual([{ id: 0, state: 'RUNNING', worker_id: expect.stringMatching(new RegExp(`^${WORKER_ID}/[0-9a-f-]{36}$`)) }]);
  });

  it('resumes a later window from the committed offset', async () => {
    const { name, topic } = await createCounter();
    await env!.dispatchAndWait();
    expect((await env!.rest('PUT', `/connectors/${name}/config`, { 'connector.class': COUNTING_SOURCE, topic, rows: '50', 'batch.size': '10' })).status).toBe(200);
    await env!.dispatchAndWait();
    expect(countingBehaviour(name).starts).toEqual([0, 30]);
    expect(rowIds(await stack.readTopic(topic))).toEqual(range(0, 50));
  });

  it('chains windows of a busy task without waiting for the schedule', async () => {
    const { name, topic } = await createCounter({ rows: '120', 'poll.window.ms': '150' });
    const behaviour = countingBehaviour(name);
    const firstPolls: number[] = [];
    const lastCommits: number[] = [];
    let pollStarted = 0;
    behaviour.beforePoll = async () => {
      pollStarted = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 40));
    };
    env!.onPhase = (phase, info) => {
      if (phase === 'after-poll' && info.batch === 1) firstPolls.push(pollStarted);
      if (phase === 'after-commit') lastCommits[firstPolls.length - 1] = performance.now();
    };
    await env!.dispatchAndWait();
    const windows = env!.sources.invoker.history.length;
    expect(windows).toBeGreaterThanOrEqual(3);
    expect(env!.sources.invoker.history.every((i) => i.connector === name && i.taskId === 0)).toBe(true);
    expect(rowIds(await stack.readTopic(topic))).toEqual(range(0, 120));
    const gaps = firstPolls.slice(1).map((t, i) => t - (lastCommits[i] ?? t));
    console.log(`chained windows: ${windows}; gap from a window's last commit to the next window's first poll: ${gaps.map((g) => g.toFixed(1)).join(', ')} ms`);
  });

  it('reports a task FAILED with its stack trace, and the dispatcher leaves it alone', async () => {
    const { name } = await createCounter();
    countingBehaviour(name).beforePoll = (_, next) => {
      if (next === 10) throw new DataError('row 10 is corrupt');
    };
    await env!.dispatchAndWait();
    const task = (await env!.rest('GET', `/connectors/${name}/tasks/0/status`)).json;
    expect(task).toMatchObject({ id: 0, state: 'FAILED' });
    expect(task.trace).toMatch(/^org\.apache\.kafka\.connect\.errors\.DataException: row 10 is corrupt\n\tat /);
    expect((await env!.rest('GET', `/connectors/${name}/offsets`)).json.offsets[0].offset).toEqual({ row: 9 });
    await env!.dispatchAndWait();
    expect(countingBehaviour(name).starts).toEqual([0]);
  });
});
