/**
 * KIP-297 references end to end on the real stand-ins (dynalite, the mock-cluster broker,
 * PostgreSQL), built by the composition root with in-memory Secrets Manager / Parameter Store:
 * connectors whose secrets come from `${env:...}`, `${file:...}`, `${secretsmanager:...}` and
 * `${ssm:...}` run their tasks with the resolved values, while every REST answer, the stored task
 * configs and every log line (all loggers at TRACE) hold the references only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { createConfigProviders } from '#lib/config-providers/config-providers';
import { createMemoryParameterStore, createMemorySecretStore } from '#lib/config-providers/memory-secret-stores';
import { ROOT_LOGGER } from '#lib/logging/levels';
import { loggers, setLogSink, type LogSink } from '#lib/logging/logger';
import { aliasFor } from '#lib/runtime/sink/mapping-names';
import { decodeKafkaEvent, type KafkaEvent } from '#lib/runtime/sink/msk-event';
import { createSinkRuntime } from '#lib/runtime/sink/sink-runtime';
import { createInProcessSourceRuntime } from '#lib/runtime/source/in-process-runtime';
import { kafkaEvent } from '#lib/standalone/esm-event';
import { createDynamoDbStores, ensureTable } from '#lib/store/dynamodb/index';
import { createApp, sinkParts, sourceParts, type App } from '#lib/wiring';
import { startDynalite, type DynaliteInstance } from '#test/support/dynalite';
import { startTestKafka, type TestKafka } from '#test/support/kafka';
import { usePostgres } from '#test/support/postgres';

const distinct = (label: string): string => `${label}${randomBytes(6).toString('hex')}`;
const ROLE = distinct('lc_role_');
const PASSWORD = distinct('pw-');
const SECRETS_FILE_NAME = 'pg.properties';

const db = usePostgres();
let dynalite: DynaliteInstance;
let kafka: TestKafka;
let app: App;
let dir: string;
let inputFile: string;
let sinkFile: string;
const logLines: string[] = [];
let previousSink: LogSink;

/** Every value a test resolves; none may show outside the tasks. */
const secrets = (): string[] => [ROLE, PASSWORD, inputFile, sinkFile];
const responses: { what: string; body: string }[] = [];
/** What the in-memory Secrets Manager holds; tests may take a secret away. */
const secretStore: Record<string, string> = { 'lc/pg': JSON.stringify({ password: PASSWORD }) };

async function rest(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await app.rest.handle({ method, path, rawQuery: '', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  responses.push({ what: `${method} ${path}`, body: response.body ?? '' });
  return { status: response.statusCode, json: response.body ? JSON.parse(response.body) : undefined };
}

async function everyReadEndpoint(name: string): Promise<void> {
  for (const path of [`/connectors/${name}`, `/connectors/${name}/config`, `/connectors/${name}/tasks`, `/connectors/${name}/status`, `/connectors/${name}/tasks/0/status`, '/connectors?expand=info&expand=status']) {
    const [route, query] = path.split('?');
    const response = await app.rest.handle({ method: 'GET', path: route ?? path, rawQuery: query ?? '', headers: {} });
    responses.push({ what: `GET ${path}`, body: response.body ?? '' });
    expect(response.statusCode, path).toBe(200);
  }
}

beforeAll(async () => {
  [dynalite, kafka] = await Promise.all([startDynalite(), startTestKafka()]);
  dir = await mkdtemp(join(tmpdir(), 'lc-secrets-'));
  inputFile = join(dir, `${distinct('input-')}.txt`);
  sinkFile = join(dir, `${distinct('sink-')}.txt`);
  await writeFile(join(dir, SECRETS_FILE_NAME), `# credentials\nuser=${ROLE}\n`);
  await db.pool.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
  await db.pool.query('CREATE TABLE accounts (id int PRIMARY KEY, owner text)');
  await db.pool.query("INSERT INTO accounts VALUES (1, 'ann'), (2, 'bob')");
  await db.pool.query(`GRANT SELECT ON accounts TO ${ROLE}`);
  await ensureTable(dynalite.client, 'secrets');
  process.env.LC_ITEST_INPUT_FILE = inputFile;
  const configResolver = createConfigProviders({
    secrets: () => createMemorySecretStore(secretStore),
    parameters: () => createMemoryParameterStore({ '/lc/sink-file': sinkFile }),
  });
  app = createApp(settingsFromEnv({ KAFKA_BROKERS: kafka.brokers.join(','), CONNECT_OFFSET_FLUSH_INTERVAL_MS: '0', CONNECT_REST_ADVERTISED_HOST_NAME: 'itest' }), {
    stores: createDynamoDbStores({ client: dynalite.client, tableName: 'secrets' }),
    configResolver,
  });
  previousSink = setLogSink((line) => void logLines.push(line));
  loggers.set(ROOT_LOGGER, 'TRACE', Date.now());
}, 60_000);

afterAll(async () => {
  setLogSink(previousSink);
  loggers.set(ROOT_LOGGER, 'INFO', Date.now());
  delete process.env.LC_ITEST_INPUT_FILE;
  await app?.close();
  await Promise.all([dynalite?.stop(), kafka?.stop()]);
});

async function runSourceWindow(name: string): Promise<unknown> {
  const parts = sourceParts(app);
  const sources = createInProcessSourceRuntime(parts.deps, { workerId: 'itest:8083' });
  try {
    const record = await app.stores.configs.get(name);
    return await sources.runtime.runTask({ connector: name, taskId: 0, generation: record?.generation ?? 1 }, { invocationId: randomUUID(), workerId: 'itest/inv', remainingTimeMs: 60_000 });
  } finally {
    await sources.close();
    await parts.close();
  }
}

describe('secrets from config providers', () => {
  const jdbcTopicPrefix = kafkaTopicPrefix();
  const fileTopic = `secrets-lines-${randomUUID().slice(0, 8)}`;

  it('a JDBC source logs in with the user from ${file:...} and the password from ${secretsmanager:...}', async () => {
    const config = {
      name: 'jdbc-secrets',
      'connector.class': 'JdbcSourceConnector',
      'tasks.max': '1',
      'connection.url': `jdbc:postgresql://${db.host}:${db.port}/${db.database}`,
      'connection.user': `\${file:${join(dir, SECRETS_FILE_NAME)}:user}`,
      'connection.password': '${secretsmanager:lc/pg:password}',
      mode: 'bulk',
      'table.whitelist': 'accounts',
      'topic.prefix': jdbcTopicPrefix,
      'poll.window.ms': '20000',
    };
    const validated = await rest('PUT', '/connector-plugins/JdbcSourceConnector/config/validate', config);
    expect((validated.json.configs as { value: { name: string; errors: string[] } }[]).filter(({ value }) => value.errors.length > 0).map(({ value }) => value)).toEqual([]);
    const shown = Object.fromEntries((validated.json.configs as { value: { name: string; value: string } }[]).map(({ value }) => [value.name, value.value]));
    expect([shown['connection.user'], shown['connection.password']]).toEqual([config['connection.user'], '[hidden]']);

    expect((await rest('POST', '/connectors', { name: 'jdbc-secrets', config })).status).toBe(201);
    await runSourceWindow('jdbc-secrets');

    const rows = await kafka.consume(`${jdbcTopicPrefix}accounts`, 2, 30_000);
    expect(rows.map((m) => JSON.parse(m.value?.toString() ?? '{}').payload.owner).sort()).toEqual(['ann', 'bob']);
    expect((await rest('GET', '/connectors/jdbc-secrets/status')).json.tasks[0].state).toBe('RUNNING');
    const stored = await app.stores.configs.get('jdbc-secrets');
    expect([stored?.taskConfigs[0]?.['connection.user'], stored?.taskConfigs[0]?.['connection.password']]).toEqual([config['connection.user'], config['connection.password']]);
    await everyReadEndpoint('jdbc-secrets');
  }, 90_000);

  it('a FileStreamSource reads the file named by ${env:...}', async () => {
    await writeFile(inputFile, 'first\nsecond\n');

    expect((await rest('POST', '/connectors', { name: 'file-secrets', config: { 'connector.class': 'FileStreamSource', file: '${env:LC_ITEST_INPUT_FILE}', topic: fileTopic, 'poll.window.ms': '20000' } })).status).toBe(201);
    await runSourceWindow('file-secrets');

    expect((await kafka.consume(fileTopic, 2, 30_000)).map((m) => m.value?.toString())).toEqual(['{"schema":{"type":"string","optional":false},"payload":"first"}', '{"schema":{"type":"string","optional":false},"payload":"second"}']);
    await everyReadEndpoint('file-secrets');
  }, 90_000);

  it('a FileStreamSink writes to the file named by ${ssm:...}', async () => {
    expect((await rest('POST', '/connectors', { name: 'sink-secrets', config: { 'connector.class': 'FileStreamSink', file: '${ssm:/lc/sink-file}', topics: fileTopic } })).status).toBe(201);
    const consumed = await kafka.consume(fileTopic, 2, 30_000);
    const event = kafkaEvent(
      consumed.map((m) => ({ topic: m.topic, partition: m.partition, offset: m.offset.toString(), timestamp: String(m.timestamp), key: m.key, value: m.value })),
      { bootstrapServers: kafka.brokers, clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/itest/abc' },
    );
    const parts = sinkParts(app);
    const runtime = createSinkRuntime(parts.deps);
    try {
      await runtime.handleBatch(decodeKafkaEvent(event as KafkaEvent), { alias: aliasFor('sink-secrets'), invocationId: 'inv-sink', workerId: 'itest/inv-sink', remainingTimeMs: 60_000 });
    } finally {
      await runtime.close();
      await parts.close();
    }

    expect(await readFile(sinkFile, 'utf8')).toContain('first');
    await everyReadEndpoint('sink-secrets');
  }, 90_000);

  it('a source task whose secret went away after the connector started fails with the provider error as trace', async () => {
    secretStore['lc/input'] = inputFile;
    expect((await rest('POST', '/connectors', { name: 'gone-secret', config: { 'connector.class': 'FileStreamSource', file: '${secretsmanager:lc/input}', topic: fileTopic } })).status).toBe(201);
    delete secretStore['lc/input'];

    await runSourceWindow('gone-secret');

    const task = (await rest('GET', '/connectors/gone-secret/status')).json.tasks[0];
    expect([task.state, task.trace]).toEqual(['FAILED', expect.stringContaining('Secret lc/input not found in Secrets Manager')]);
  }, 60_000);

  it('no REST answer and no log line holds a resolved secret', () => {
    expect(responses.length).toBeGreaterThan(15);
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of secrets()) {
      expect(responses.filter(({ body }) => body.includes(secret)).map(({ what }) => what), secret).toEqual([]);
    }
    for (const credential of [ROLE, PASSWORD]) expect(logLines.filter((line) => line.includes(credential)), credential).toEqual([]);
    // The file connectors log their own file name at DEBUG ("Opened <file> for reading"), as Kafka's do;
    // no line of lambda-connect's own loggers holds it.
    const frameworkLines = logLines.filter((line) => !(JSON.parse(line) as { logger: string }).logger.startsWith('org.apache.kafka.connect.file.'));
    for (const path of [inputFile, sinkFile]) expect(frameworkLines.filter((line) => line.includes(path)), path).toEqual([]);
  });
});

function kafkaTopicPrefix(): string {
  return `secrets-${randomUUID().slice(0, 8)}-`;
}
