import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '#test/support/test-worker';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
let worker: TestWorker;

beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => worker.stop());

describe('the root and health endpoints', () => {
  it('GET / reports version, commit and cluster id as Kafka does', async () => {
    const res = await worker.request('GET', '/');
    expect(res.status).toBe(200);
    expect(typeof res.json.version).toBe('string');
    expect(typeof res.json.commit).toBe('string');
    expect(res.json).toHaveProperty('kafka_cluster_id');
  });

  it('GET /health answers healthy', async () => {
    const res = await worker.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' });
  });

  it('an unknown path answers 404 with an error body', async () => {
    const res = await worker.request('GET', '/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.json.error_code).toBe(404);
  });

  it('GET /connectors is an empty array on a fresh worker', async () => {
    const res = await worker.request('GET', '/connectors');
    expect(res.status).toBe(200);
    expect(res.json).toEqual([]);
  });
});

describe('connector plugins', () => {
  it('lists only source and sink connectors by default', async () => {
    const res = await worker.request('GET', '/connector-plugins');
    expect(res.status).toBe(200);
    expect(res.json.every((p: { type: string }) => p.type === 'sink' || p.type === 'source')).toBe(true);
    expect(res.json).toContainEqual(expect.objectContaining({ class: SINK, type: 'sink' }));
    expect(res.json).toContainEqual(expect.objectContaining({ class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source' }));
  });

  it('lists transforms, predicates and converters too when connectorsOnly=false', async () => {
    const res = await worker.request('GET', '/connector-plugins?connectorsOnly=false');
    expect(res.status).toBe(200);
    const types = new Set(res.json.map((p: { type: string }) => p.type));
    expect([...types]).toEqual(['sink', 'source', 'transformation', 'predicate', 'converter', 'header_converter']);
    expect(res.json).toContainEqual({ class: 'org.apache.kafka.connect.transforms.Filter', type: 'transformation', version: '3.9.0' });
    expect(res.json).toContainEqual(expect.objectContaining({ class: 'org.apache.kafka.connect.json.JsonConverter', type: 'converter' }));
  });

  it('describes a plugin config with Kafka ConfigKeyInfo fields', async () => {
    const res = await worker.request('GET', `/connector-plugins/${SINK}/config`);
    expect(res.status).toBe(200);
    const tasksMax = res.json.find((k: { name: string }) => k.name === 'tasks.max');
    expect(Object.keys(tasksMax).sort()).toEqual(
      ['default_value', 'dependents', 'display_name', 'documentation', 'group', 'importance', 'name', 'order', 'required', 'type', 'width'],
    );
    expect(tasksMax).toMatchObject({ type: 'INT', default_value: '1' });
    expect(res.json.map((k: { name: string }) => k.name)).toContain('topics');
  });

  it('answers 404 for the config of an unknown plugin', async () => {
    const res = await worker.request('GET', '/connector-plugins/NoSuchPlugin/config');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error_code: 404, message: 'Unknown plugin NoSuchPlugin.' });
  });
});

describe('config validation', () => {
  const validate = (config: Record<string, unknown>, plugin = SINK) => worker.request('PUT', `/connector-plugins/${plugin}/config/validate`, config);
  const errorsOf = (body: { configs: { value: { name: string; errors: string[] } }[] }, key: string) =>
    body.configs.find((c) => c.value.name === key)?.value.errors;

  it('accepts a valid sink config with no errors and Kafka groups', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'v', topics: 't1' });
    expect(res.status).toBe(200);
    expect(res.json.error_count).toBe(0);
    expect(res.json.name).toBe(SINK);
    expect(res.json.groups.slice(0, 4)).toEqual(['Common', 'Transforms', 'Predicates', 'Error Handling']);
  });

  it('reports tasks.max below one', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'v', topics: 't1', 'tasks.max': '0' });
    expect(res.json.error_count).toBe(1);
    expect(errorsOf(res.json, 'tasks.max')).toEqual(['Invalid value 0 for configuration tasks.max: Value must be at least 1']);
  });

  it('reports a sink with neither topics nor topics.regex on both keys', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'v' });
    expect(res.json.error_count).toBe(2);
    expect(errorsOf(res.json, 'topics')?.join()).toContain('Must configure one of topics or topics.regex');
    expect(errorsOf(res.json, 'topics.regex')?.join()).toContain('Must configure one of topics or topics.regex');
  });

  it('reports an invalid errors.tolerance', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'v', topics: 't1', 'errors.tolerance': 'sometimes' });
    expect(errorsOf(res.json, 'errors.tolerance')).toEqual(['Invalid value sometimes for configuration errors.tolerance: String must be one of: none, all']);
  });

  it('reports a control character in the name', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'a\u0007b', topics: 't1' });
    expect(errorsOf(res.json, 'name')?.[0]).toMatch(/had the following ASCII chars: 7$/);
  });

  it('reports a duplicate transform alias and an unknown transform class', async () => {
    const dup = await validate({ 'connector.class': SINK, name: 'v', topics: 't1', transforms: 't,t', 'transforms.t.type': 'NoSuchClass' });
    expect(JSON.stringify(dup.json)).toContain('Duplicate alias provided.');
    const unknown = await validate({ 'connector.class': SINK, name: 'v', topics: 't1', transforms: 't', 'transforms.t.type': 'NoSuchClass' });
    expect(unknown.json.error_count).toBe(1);
    expect(JSON.stringify(unknown.json)).toContain('Class NoSuchClass could not be found.');
  });

  it('reports a broken transform config as a config error, not a failure', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'v', topics: 't1', transforms: 'r', 'transforms.r.type': 'org.apache.kafka.connect.transforms.RegexRouter', 'transforms.r.regex': '(', 'transforms.r.replacement': 'x' });
    expect(res.status).toBe(200);
    expect(res.json.error_count).toBe(1);
    expect(res.json.configs.find((c: { value: { name: string } }) => c.value.name === 'transforms.r.regex').value.errors).toHaveLength(1);
  });

  it('reports an unknown key converter class', async () => {
    const res = await validate({ 'connector.class': SINK, name: 'v', topics: 't1', 'key.converter': 'NoSuchClass' });
    expect(res.json.error_count).toBe(1);
  });

  it('rejects a connector.class that does not match the path with 400', async () => {
    const res = await validate({ 'connector.class': 'FileStreamSink', name: 'v', topics: 't1' }, 'FileStreamSource');
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('Included connector type FileStreamSink does not match request type FileStreamSource');
  });

  it('answers 400 (Kafka: 500) when connector.class is missing or unknown', async () => {
    const missing = await validate({ name: 'v', topics: 't1' });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toContain('contains no connector type');
    const unknown = await validate({ 'connector.class': 'NoSuchConnector', name: 'v' }, 'NoSuchConnector');
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toMatch(/^Failed to find any class that implements Connector and which name matches NoSuchConnector/);
  });
});
