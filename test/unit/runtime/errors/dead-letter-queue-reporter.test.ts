import { describe, expect, it } from 'vitest';
import { DataError, RetriableError } from '#lib/errors';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { ProducerPort, ProducerRecord, RecordHeader } from '#lib/kafka/producer-port';
import type { Logger } from '#lib/logging/logger';
import { consumerRecordDeadLetter } from '#lib/runtime/errors/dead-letter-content';
import { createDeadLetterQueueReporter } from '#lib/runtime/errors/dead-letter-queue-reporter';
import { createErrorHandlingMetrics } from '#lib/runtime/errors/error-handling-metrics';
import { ProcessingContext } from '#lib/runtime/errors/processing-context';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

const consumed: ConsumerRecord = {
  topic: 'orders',
  partition: 3,
  offset: 1234n,
  timestamp: 1_700_000_000_000,
  timestampType: 'CREATE_TIME',
  key: bytes('k1'),
  value: bytes('{not json'),
  headers: [{ key: 'trace', value: bytes('abc') }],
};

function setup(contextHeadersEnable: boolean, send?: ProducerPort['send']) {
  const sent: ProducerRecord[][] = [];
  const logged: string[] = [];
  const logger = { error: (m: string) => void logged.push(m) } as unknown as Logger;
  const metrics = createErrorHandlingMetrics();
  const reporter = createDeadLetterQueueReporter<ConsumerRecord>({
    topic: 'dlq',
    contextHeadersEnable,
    taskId: { connector: 'pg-sink', task: 2 },
    producer: { send: send ?? (async (records) => { sent.push([...records]); return []; }) },
    content: consumerRecordDeadLetter,
    logger,
    metrics,
  });
  return { reporter, sent, logged, metrics };
}

function failedContext(error: unknown): ProcessingContext<ConsumerRecord> {
  const context = new ProcessingContext(consumed, 'VALUE_CONVERTER', 'org.apache.kafka.connect.json.JsonConverter');
  context.fail(error);
  return context;
}

const headerMap = (headers: readonly RecordHeader[]) => Object.fromEntries(headers.map((h) => [h.key, text(h.value)]));

describe('DeadLetterQueueReporter', () => {
  it('writes the consumed key, value, headers and timestamp to the DLQ topic', async () => {
    const { reporter, sent } = setup(false);
    reporter.report(failedContext(new DataError('bad')));
    await reporter.flush();
    expect(sent).toHaveLength(1);
    const [record] = sent[0] ?? [];
    expect(record?.topic).toBe('dlq');
    expect(record?.partition).toBeUndefined();
    expect(text(record?.key ?? null)).toBe('k1');
    expect(text(record?.value ?? null)).toBe('{not json');
    expect(record?.timestamp).toBe(1_700_000_000_000);
    expect(record?.headers.map((h) => h.key)).toEqual(['trace']);
  });

  it('adds no __connect.errors headers when context headers are disabled', async () => {
    const { reporter, sent } = setup(false);
    reporter.report(failedContext(new DataError('bad')));
    await reporter.flush();
    expect(sent[0]?.[0]?.headers.some((h) => h.key.startsWith('__connect.errors.'))).toBe(false);
  });

  it("adds Kafka's context headers, in Kafka's order, as UTF-8 strings", async () => {
    const { reporter, sent } = setup(true);
    reporter.report(failedContext(new DataError('Converting byte[] to Kafka Connect data failed due to serialization error: ')));
    await reporter.flush();
    const headers = sent[0]?.[0]?.headers ?? [];
    expect(headers.map((h) => h.key)).toEqual([
      'trace',
      '__connect.errors.topic',
      '__connect.errors.partition',
      '__connect.errors.offset',
      '__connect.errors.connector.name',
      '__connect.errors.task.id',
      '__connect.errors.stage',
      '__connect.errors.class.name',
      '__connect.errors.exception.class.name',
      '__connect.errors.exception.message',
      '__connect.errors.exception.stacktrace',
    ]);
    const values = headerMap(headers);
    expect(values).toMatchObject({
      '__connect.errors.topic': 'orders',
      '__connect.errors.partition': '3',
      '__connect.errors.offset': '1234',
      '__connect.errors.connector.name': 'pg-sink',
      '__connect.errors.task.id': '2',
      '__connect.errors.stage': 'VALUE_CONVERTER',
      '__connect.errors.class.name': 'org.apache.kafka.connect.json.JsonConverter',
      '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
      '__connect.errors.exception.message': 'Converting byte[] to Kafka Connect data failed due to serialization error: ',
    });
  });

  it('renders the stack trace as Java prints it: class and message, frames, then causes', async () => {
    const { reporter, sent } = setup(true);
    reporter.report(failedContext(new DataError('outer', { cause: new SyntaxError('Unexpected token') })));
    await reporter.flush();
    const trace = headerMap(sent[0]?.[0]?.headers ?? [])['__connect.errors.exception.stacktrace'] ?? '';
    expect(trace.startsWith('org.apache.kafka.connect.errors.DataException: outer\n\tat ')).toBe(true);
    expect(trace).toContain('\nCaused by: SyntaxError: Unexpected token\n\tat ');
  });

  it('names JavaScript errors by their own class and keeps a null message for an empty one', async () => {
    const { reporter, sent } = setup(true);
    reporter.report(failedContext(new TypeError('')));
    await reporter.flush();
    const headers = sent[0]?.[0]?.headers ?? [];
    expect(text(headers.find((h) => h.key === '__connect.errors.exception.class.name')?.value ?? null)).toBe('TypeError');
    expect(headers.find((h) => h.key === '__connect.errors.exception.message')?.value).toBeNull();
  });

  it('leaves out the timestamp of a record consumed without one', async () => {
    const { sent } = setup(false);
    const record = consumerRecordDeadLetter({ ...consumed, timestamp: -1, timestampType: 'NO_TIMESTAMP_TYPE' });
    expect(record.timestamp).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('keeps the written record on the context and sends all queued records in one call', async () => {
    const { reporter, sent } = setup(false);
    const first = failedContext(new DataError('a'));
    const second = failedContext(new DataError('b'));
    reporter.report(first);
    reporter.report(second);
    await reporter.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual([first.deadLetter, second.deadLetter]);
  });

  it("fails the flush with Kafka's message (retriable if the send was) and counts the failures", async () => {
    const { reporter, logged, metrics } = setup(false, () => Promise.reject(new RetriableError('broker down')));
    reporter.report(failedContext(new DataError('a')));
    await expect(reporter.flush()).rejects.toMatchObject({ message: 'Could not produce message to dead letter queue. topic=dlq', retriable: true });
    expect(logged).toEqual(['Could not produce message to dead letter queue. topic=dlq']);
    expect(metrics).toMatchObject({ dlqProduceRequests: 1, dlqProduceFailures: 1 });
  });

  it('does not call the producer when nothing was reported', async () => {
    const { reporter } = setup(false, () => Promise.reject(new Error('must not be called')));
    await expect(reporter.flush()).resolves.toBeUndefined();
  });
});
