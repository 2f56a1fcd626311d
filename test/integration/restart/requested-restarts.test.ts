/**
 * Requested restarts through the REST API on the real stand-ins: the restart state machine runs
 * locally from the same definition the CDK app deploys, and restarted source tasks run for real.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '#lib/store/types';
import { COUNTING_SOURCE } from '#test/unit/runtime/source/fixtures/counting-source';
import { useRestartStack, type RestartTestEnv } from './restart-stack';

const stack = useRestartStack();
let env: RestartTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

let counter = 0;
async function runningSource(extra: Record<string, string> = {}): Promise<{ name: string; config: Record<string, string> }> {
  const name = `restart-${++counter}-${Date.now()}`;
  const config = { 'connector.class': COUNTING_SOURCE, topic: `${name}-rows`, rows: '20', 'batch.size': '10', 'tasks.max': '2', ...extra };
  env = await stack.fresh();
  expect((await env.rest('POST', '/connectors', { body: { name, config } })).status).toBe(201);
  await env.sources.runtime.dispatch();
  await env.settled();
  return { name, config };
}

/** Every state written for task 0 of the connector, in order. */
function recordTaskStates(e: RestartTestEnv, name: string): State[] {
  const seen: State[] = [];
  const statuses = e.stores.statuses;
  const note = (s: { connector: string; taskId?: number; state: State }) => void (s.connector === name && s.taskId === 0 && seen.push(s.state));
  const { putMany, putUnlessNewer } = statuses;
  statuses.putMany = async (list) => (list.forEach(note), putMany.call(statuses, list));
  statuses.putUnlessNewer = async (s) => {
    const written = await putUnlessNewer.call(statuses, s);
    if (written) note(s);
    return written;
  };
  return seen;
}

describe('requested restarts', () => {
  it('start one execution for 20 concurrent requests, and the statuses move RESTARTING → RUNNING', async () => {
    const { name } = await runningSource();
    const states = recordTaskStates(env!, name);

    const answers = await Promise.all(Array.from({ length: 20 }, () => env!.rest('POST', `/connectors/${name}/restart`, { query: 'includeTasks=true' })));
    await env!.settled();

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(answers[0]?.json).toMatchObject({ connector: { state: 'RESTARTING' }, tasks: [{ id: 0, state: 'RESTARTING' }, { id: 1, state: 'RESTARTING' }] });
    expect(env!.app.localRestarts?.executions()).toHaveLength(1);
    expect(env!.app.localRestarts?.executions()[0]?.status).toBe('SUCCEEDED');
    expect(states[0]).toBe('RESTARTING');
    expect(states.at(-1)).toBe('RUNNING');
    expect((await env!.rest('GET', `/connectors/${name}/status`)).json).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ state: 'RUNNING' }, { state: 'RUNNING' }] });
  });

  it('answers 204 to the legacy form and still restarts through the state machine', async () => {
    const { name } = await runningSource();

    const answer = await env!.rest('POST', `/connectors/${name}/restart`);
    await env!.settled();

    expect(answer.status).toBe(204);
    expect(env!.app.localRestarts?.executions()).toMatchObject([{ status: 'SUCCEEDED' }]);
  });

  it('restarts one task through POST /connectors/{name}/tasks/{id}/restart', async () => {
    const { name } = await runningSource();

    const answer = await env!.rest('POST', `/connectors/${name}/tasks/1/restart`);
    await env!.settled();

    expect(answer.status).toBe(204);
    expect(env!.app.localRestarts?.executions()).toMatchObject([{ status: 'SUCCEEDED', input: { restartConnector: false, tasks: [1] } }]);
    expect((await env!.rest('GET', `/connectors/${name}/tasks/1/status`)).json.state).toBe('RUNNING');
  });

  it('leaves a task failed by a poison record FAILED without restarting it, until a fixed config is PUT', async () => {
    const poison = { transforms: 'pick', 'transforms.pick.type': 'org.apache.kafka.connect.transforms.ExtractField$Value', 'transforms.pick.field': 'missing', 'errors.tolerance': 'none' };
    const { name, config } = await runningSource(poison);
    expect((await env!.rest('GET', `/connectors/${name}/status`)).json.tasks.map((t: { state: string }) => t.state)).toEqual(['FAILED', 'FAILED']);

    await env!.sources.runtime.dispatch();
    await env!.settled();
    expect(env!.app.localRestarts?.executions()).toHaveLength(0);
    expect((await env!.rest('GET', `/connectors/${name}/status`)).json.tasks.map((t: { state: string }) => t.state)).toEqual(['FAILED', 'FAILED']);

    const fixed = Object.fromEntries(Object.entries(config).filter(([key]) => !key.startsWith('transforms')));
    expect((await env!.rest('PUT', `/connectors/${name}/config`, { body: fixed })).status).toBe(200);
    await env!.sources.runtime.dispatch();
    await env!.settled();
    expect((await env!.rest('GET', `/connectors/${name}/status`)).json.tasks.map((t: { state: string }) => t.state)).toEqual(['RUNNING', 'RUNNING']);
  });
});
