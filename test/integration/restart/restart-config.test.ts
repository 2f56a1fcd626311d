/**
 * The restart.* keys through the REST API (handler over dynalite): validate reports bad values like
 * Kafka's own keys, and creating or updating a connector with one answers 400 with Connect's body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';

let worker: TestWorker;
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
});

const SINK = { 'connector.class': 'FileStreamSink', file: '/tmp/restart-config-test.txt', topics: 't1' };

describe('the restart.* connector keys over REST', () => {
  it('are reported by PUT /connector-plugins/{p}/config/validate', async () => {
    const res = await worker.request('PUT', '/connector-plugins/FileStreamSink/config/validate', { ...SINK, name: 'v', 'restart.policy': 'sometimes', 'restart.max.attempts': '-3' });
    const errors = (key: string) => (res.json.configs as Array<{ value: { name: string; errors: string[] } }>).find((c) => c.value.name === key)?.value.errors;
    expect([res.status, res.json.error_count, res.json.groups.at(-1)]).toEqual([200, 2, 'Restarts']);
    expect(errors('restart.policy')).toEqual(['Invalid value sometimes for configuration restart.policy: String must be one of (case insensitive): RETRIABLE, NONE']);
    expect(errors('restart.max.attempts')).toEqual(['Invalid value -3 for configuration restart.max.attempts: Value must be at least 0']);
  });

  it('make POST /connectors answer 400 with the error body for a bad value, and nothing is created', async () => {
    const res = await worker.request('POST', '/connectors', { name: 'bad-restarts', config: { ...SINK, 'restart.policy': 'sometimes' } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error_code: 400,
      message: expect.stringContaining('Connector configuration is invalid and contains the following 1 error(s):\nInvalid value sometimes for configuration restart.policy'),
    });
    expect((await worker.request('GET', '/connectors/bad-restarts')).status).toBe(404);
  });

  it('make PUT /connectors/{c}/config answer 400 for a negative backoff', async () => {
    expect((await worker.request('PUT', '/connectors/ok-restarts/config', { ...SINK, 'restart.backoff.initial.ms': '500' })).status).toBe(201);
    const res = await worker.request('PUT', '/connectors/ok-restarts/config', { ...SINK, 'restart.backoff.initial.ms': '-1' });
    expect([res.status, res.json.message]).toEqual([400, expect.stringContaining('Invalid value -1 for configuration restart.backoff.initial.ms: Value must be at least 0')]);
  });
});
