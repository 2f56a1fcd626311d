import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';

const SINK = 'FileStreamSink';
let worker: TestWorker;

beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => worker.stop());

describe('racing requests', () => {
  it('50 concurrent creates of one name give exactly one 201 and 49 409s', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => worker.request('POST', '/connectors', { name: 'race', config: { 'connector.class': SINK, topics: 't1' } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  });

  it('50 concurrent config replacements all succeed and leave one of the submitted configs', async () => {
    const configs = Array.from({ length: 50 }, (_, i) => ({ 'connector.class': SINK, topics: `topic-${i}`, 'tasks.max': String(1 + (i % 3)) }));
    const results = await Promise.all(configs.map((c) => worker.request('PUT', '/connectors/contended/config', c)));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const stored = (await worker.request('GET', '/connectors/contended/config')).json;
    const { name, ...rest } = stored;
    expect(name).toBe('contended');
    expect(configs).toContainEqual(rest);
    // Task configs were generated from the stored config, not from a losing request.
    const tasks = (await worker.request('GET', '/connectors/contended/tasks')).json;
    expect(tasks).toHaveLength(Number(rest['tasks.max']));
    for (const task of tasks) expect(task.config.topics).toBe(rest.topics);
  }, 120_000); // every replacement regenerates task configs under contention: slow on a loaded 2-core machine

  it('50 concurrent patches, each adding its own key, lose no update', async () => {
    await worker.request('POST', '/connectors', { name: 'patched', config: { 'connector.class': SINK, topics: 't1' } });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => worker.request('PATCH', '/connectors/patched/config', { [`key.${i}`]: String(i) })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const stored = (await worker.request('GET', '/connectors/patched/config')).json;
    for (let i = 0; i < 50; i++) expect(stored[`key.${i}`]).toBe(String(i));
  });

  it('a delete racing pauses never resurrects the connector', async () => {
    for (let round = 0; round < 10; round++) {
      const name = `doomed-${round}`;
      await worker.request('POST', '/connectors', { name, config: { 'connector.class': SINK, topics: 't1' } });
      const results = await Promise.all([
        worker.request('PUT', `/connectors/${name}/pause`),
        worker.request('DELETE', `/connectors/${name}`),
        worker.request('PUT', `/connectors/${name}/pause`),
        worker.request('PUT', `/connectors/${name}/resume`),
      ]);
      expect(results[1]?.status).toBe(204);
      expect((await worker.request('GET', `/connectors/${name}`)).status).toBe(404);
      expect((await worker.request('GET', `/connectors/${name}/status`)).status).toBe(404);
    }
    expect((await worker.request('GET', '/connectors')).json.filter((n: string) => n.startsWith('doomed-'))).toEqual([]);
  });
});
