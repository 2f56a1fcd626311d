import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
let worker: TestWorker;

beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => worker.stop());

const sink = (name: string, extra: Record<string, unknown> = {}) => ({ name, config: { 'connector.class': SINK, topics: 't1', 'tasks.max': '1', ...extra } });

describe("the README's first-connector example", () => {
  it('creates, lists, shows, pauses, restarts and deletes a FileStreamSource connector', async () => {
    const create = await worker.request('POST', '/connectors', {
      name: 'first-connector',
      config: { 'connector.class': 'FileStreamSource', 'tasks.max': 1, file: '/tmp/x.log', topic: 'kafka-connect-logs' },
    });
    expect(create.status).toBe(201);
    expect(create.headers.get('location')).toMatch(/\/connectors\/first-connector$/);
    expect(create.json).toMatchObject({ name: 'first-connector', type: 'source', config: { 'tasks.max': '1', name: 'first-connector' } });

    expect((await worker.request('GET', '/connectors')).json).toEqual(['first-connector']);
    expect((await worker.request('GET', '/connectors/first-connector')).json.tasks).toEqual([{ connector: 'first-connector', task: 0 }]);

    const status = await worker.request('GET', '/connectors/first-connector/status');
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ name: 'first-connector', type: 'source', connector: { state: 'RUNNING' } });
    expect(status.json.tasks).toEqual([{ id: 0, state: 'UNASSIGNED', worker_id: null }]);

    const pause = await worker.request('PUT', '/connectors/first-connector/pause');
    expect([pause.status, pause.text]).toEqual([202, '']);
    expect((await worker.request('GET', '/connectors/first-connector/status')).json.connector.state).toBe('PAUSED');

    const restart = await worker.request('POST', '/connectors/first-connector/restart');
    expect([restart.status, restart.text]).toEqual([204, '']);

    const del = await worker.request('DELETE', '/connectors/first-connector');
    expect(del.status).toBe(204);
    expect((await worker.request('GET', '/connectors/first-connector')).status).toBe(404);
    expect((await worker.request('DELETE', '/connectors/first-connector')).status).toBe(404);
  });
});

describe('creating and configuring connectors', () => {
  it('answers 409 for a name that exists', async () => {
    expect((await worker.request('POST', '/connectors', sink('s1'))).status).toBe(201);
    const again = await worker.request('POST', '/connectors', sink('s1'));
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error_code: 409, message: 'Connector s1 already exists' });
  });

  it('trims the name on POST and stores numbers as strings', async () => {
    const res = await worker.request('POST', '/connectors', { name: '  pad  ', config: { 'connector.class': SINK, topics: 't1', 'tasks.max': 2 } });
    expect(res.status).toBe(201);
    expect(res.json.name).toBe('pad');
    expect(res.json.config).toMatchObject({ name: 'pad', 'tasks.max': '2' });
  });

  it('creates connectors PAUSED or STOPPED with no tasks', async () => {
    expect((await worker.request('POST', '/connectors', { ...sink('paused-at-create'), initial_state: 'paused' })).status).toBe(201);
    expect((await worker.request('POST', '/connectors', { ...sink('stopped-at-create'), initial_state: 'STOPPED' })).status).toBe(201);
    expect((await worker.request('GET', '/connectors/paused-at-create/status')).json).toMatchObject({ connector: { state: 'PAUSED' }, tasks: [] });
    expect((await worker.request('GET', '/connectors/stopped-at-create/status')).json).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
    expect((await worker.request('GET', '/connectors/stopped-at-create/tasks')).json).toEqual([]);
  });

  it('returns the stored config including the name', async () => {
    await worker.request('POST', '/connectors', sink('cfg'));
    const res = await worker.request('GET', '/connectors/cfg/config');
    expect(res.json).toEqual({ 'connector.class': SINK, topics: 't1', 'tasks.max': '1', name: 'cfg' });
  });

  it('PUT config updates with 200 and creates with 201', async () => {
    await worker.request('POST', '/connectors', sink('put-me'));
    const update = await worker.request('PUT', '/connectors/put-me/config', { 'connector.class': SINK, topics: 't1', 'tasks.max': '3' });
    expect(update.status).toBe(200);
    expect(update.json.config['tasks.max']).toBe('3');
    const create = await worker.request('PUT', '/connectors/put-new/config', { 'connector.class': SINK, topics: 't1' });
    expect(create.status).toBe(201);
    expect(create.headers.get('location')).toMatch(/\/connectors\/put-new$/);
  });

  it('PATCH config merges and null deletes a key', async () => {
    await worker.request('POST', '/connectors', sink('patch-me'));
    expect((await worker.request('PATCH', '/connectors/patch-me/config', { x: '1', topics: 't2' })).status).toBe(200);
    const res = await worker.request('PATCH', '/connectors/patch-me/config', { x: null });
    expect(res.status).toBe(200);
    expect(res.json.config.topics).toBe('t2');
    expect(res.json.config).not.toHaveProperty('x');
    expect((await worker.request('PATCH', '/connectors/nope/config', { x: '1' })).status).toBe(404);
  });

  it('expands status and info when both are asked for', async () => {
    await worker.request('POST', '/connectors', sink('expand-me'));
    const res = await worker.request('GET', '/connectors?expand=status&expand=info');
    expect(Object.keys(res.json['expand-me']).sort()).toEqual(['info', 'status']);
    const bogus = await worker.request('GET', '/connectors?expand=bogus');
    expect(bogus.json['expand-me']).toEqual({});
  });

  it('lists task configs with task.class and topics', async () => {
    await worker.request('POST', '/connectors', sink('tasks-of'));
    const res = await worker.request('GET', '/connectors/tasks-of/tasks');
    expect(res.json).toEqual([
      { id: { connector: 'tasks-of', task: 0 }, config: expect.objectContaining({ 'task.class': 'org.apache.kafka.connect.file.FileStreamSinkTask', topics: 't1' }) },
    ]);
    expect((await worker.request('GET', '/connectors/tasks-of/tasks/0/status')).json).toEqual({ id: 0, state: 'UNASSIGNED', worker_id: null });
    const missing = await worker.request('GET', '/connectors/tasks-of/tasks/99/status');
    expect(missing.json).toEqual({ error_code: 404, message: 'No status found for task tasks-of-99' });
  });
});

describe('target states and restarts', () => {
  it('pause, resume and stop are idempotent and reach their states', async () => {
    await worker.request('POST', '/connectors', sink('states'));
    for (let i = 0; i < 2; i++) expect((await worker.request('PUT', '/connectors/states/pause')).status).toBe(202);
    expect((await worker.request('GET', '/connectors/states/status')).json).toMatchObject({ connector: { state: 'PAUSED' }, tasks: [{ state: 'PAUSED' }] });
    expect((await worker.request('PUT', '/connectors/states/resume')).status).toBe(202);
    expect((await worker.request('GET', '/connectors/states/status')).json.connector.state).toBe('RUNNING');
    for (let i = 0; i < 2; i++) expect((await worker.request('PUT', '/connectors/states/stop')).status).toBe(204);
    expect((await worker.request('GET', '/connectors/states/status')).json).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
    expect((await worker.request('GET', '/connectors/states')).json.tasks).toEqual([]);
  });

  it('answers 404 for target-state changes of an unknown connector', async () => {
    for (const action of ['pause', 'resume', 'stop']) {
      const res = await worker.request('PUT', `/connectors/nope/${action}`);
      expect(res.json).toEqual({ error_code: 404, message: 'Unknown connector nope' });
    }
  });

  it('restart with includeTasks answers 202 with the RESTARTING plan', async () => {
    await worker.request('POST', '/connectors', sink('restart-me'));
    const res = await worker.request('POST', '/connectors/restart-me/restart?includeTasks=true');
    expect(res.status).toBe(202);
    expect(res.json.connector.state).toBe('RESTARTING');
    expect(res.json.tasks.every((t: { state: string }) => t.state === 'RESTARTING')).toBe(true);
  });

  it('restart with onlyFailed on a healthy connector restarts nothing', async () => {
    await worker.request('POST', '/connectors', sink('healthy'));
    const res = await worker.request('POST', '/connectors/healthy/restart?includeTasks=true&onlyFailed=true');
    expect(res.status).toBe(202);
    expect(JSON.stringify(res.json)).not.toContain('RESTARTING');
  });

  it('restarts a task with 204 and answers 404 for unknown ones', async () => {
    await worker.request('POST', '/connectors', sink('task-restart'));
    expect((await worker.request('POST', '/connectors/task-restart/tasks/0/restart')).status).toBe(204);
    expect((await worker.request('POST', '/connectors/task-restart/tasks/99/restart')).json).toEqual({ error_code: 404, message: 'Unknown task: task-restart-99' });
    expect((await worker.request('POST', '/connectors/nope/restart?includeTasks=true')).status).toBe(404);
  });
});
