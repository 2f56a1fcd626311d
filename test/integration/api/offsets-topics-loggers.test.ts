import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
let worker: TestWorker;

beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => worker.stop());

async function stoppedSink(name: string): Promise<void> {
  await worker.request('POST', '/connectors', { name, config: { 'connector.class': SINK, topics: 't1' } });
  await worker.request('PUT', `/connectors/${name}/stop`);
}

describe('the offsets API', () => {
  const offsets = { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 0 }, offset: { kafka_offset: 1 } }] };

  it('refuses to alter offsets of a running connector', async () => {
    await worker.request('POST', '/connectors', { name: 'running', config: { 'connector.class': SINK, topics: 't1' } });
    const res = await worker.request('PATCH', '/connectors/running/offsets', offsets);
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^Connectors must be in the STOPPED state before their offsets can be modified\./);
  });

  it('requires offsets in an alter request, even for unknown connectors', async () => {
    for (const body of [{}, { offsets: [] }]) {
      const res = await worker.request('PATCH', '/connectors/nope/offsets', body);
      expect(res.json).toEqual({ error_code: 400, message: 'Partitions / offsets need to be provided for an alter offsets request' });
    }
  });

  it('validates sink partitions with Kafka messages', async () => {
    await stoppedSink('bad-offsets');
    const keys = await worker.request('PATCH', '/connectors/bad-offsets/offsets', { offsets: [{ partition: {}, offset: null }] });
    expect(keys.json.message).toContain("must contain the keys 'kafka_topic' and 'kafka_partition'");
    const partition = await worker.request('PATCH', '/connectors/bad-offsets/offsets', { offsets: [{ partition: { kafka_topic: 't1', kafka_partition: 'x' }, offset: null }] });
    expect(partition.status).toBe(400);
    expect(partition.json.message).toContain('Partition values for sink connectors need to be integers');
  });

  it('alters, reads back and resets the offsets of a stopped sink', async () => {
    await stoppedSink('altered');
    const alter = await worker.request('PATCH', '/connectors/altered/offsets', offsets);
    expect(alter.status).toBe(200);
    expect(alter.json.message).toMatch(/altered successfully/);
    expect((await worker.request('GET', '/connectors/altered/offsets')).json).toEqual(offsets);
    for (let i = 0; i < 2; i++) {
      const reset = await worker.request('DELETE', '/connectors/altered/offsets');
      expect(reset.status).toBe(200);
      expect(reset.json.message).toContain('reset successfully');
    }
    expect((await worker.request('GET', '/connectors/altered/offsets')).json).toEqual({ offsets: [] });
  });

  it('answers 404 for the offsets of an unknown connector', async () => {
    expect((await worker.request('GET', '/connectors/nope/offsets')).json).toEqual({ error_code: 404, message: 'Connector nope not found' });
    expect((await worker.request('DELETE', '/connectors/nope/offsets')).status).toBe(404);
    expect((await worker.request('PATCH', '/connectors/nope/offsets', offsets)).status).toBe(404);
  });
});

describe('topic tracking', () => {
  it('reports an empty topic list, even for an unknown connector, and resets with 202', async () => {
    expect((await worker.request('GET', '/connectors/nope/topics')).json).toEqual({ nope: { topics: [] } });
    const reset = await worker.request('PUT', '/connectors/nope/topics/reset');
    expect([reset.status, reset.text]).toEqual([202, '']);
  });
});

describe('logger levels', () => {
  it('lists loggers with level and last_modified', async () => {
    const res = await worker.request('GET', '/admin/loggers');
    expect(res.status).toBe(200);
    expect(res.json.root).toEqual({ level: expect.any(String), last_modified: null });
  });

  it('changes a level and reports when it changed', async () => {
    await worker.request('PUT', '/admin/loggers/org.apache.kafka.connect', { level: 'ERROR' });
    const res = await worker.request('PUT', '/admin/loggers/org.apache.kafka.connect', { level: 'DEBUG' });
    expect(res.status).toBe(200);
    expect(res.json).toContain('org.apache.kafka.connect');
    const level = await worker.request('GET', '/admin/loggers/org.apache.kafka.connect');
    expect(level.json).toEqual({ level: 'DEBUG', last_modified: expect.any(Number) });
  });

  it('rejects a missing or invalid level as Kafka does', async () => {
    expect((await worker.request('PUT', '/admin/loggers/x', { level: 'LOUD' })).json).toEqual({ error_code: 404, message: "invalid log level 'LOUD'." });
    expect((await worker.request('PUT', '/admin/loggers/x', {})).json).toEqual({ error_code: 400, message: "Desired 'level' parameter was not specified in request." });
  });

  it('answers 204 for the cluster scope and 404 for unknown loggers', async () => {
    const cluster = await worker.request('PUT', '/admin/loggers/org.apache.kafka.connect?scope=cluster', { level: 'INFO' });
    expect([cluster.status, cluster.text]).toEqual([204, '']);
    expect((await worker.request('GET', '/admin/loggers/no.such.logger.zzz')).json).toEqual({ error_code: 404, message: 'Logger no.such.logger.zzz not found.' });
  });
});
