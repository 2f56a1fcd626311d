/**
 * Builds Lambda's Kafka event from consumed messages, in the exact shape an MSK (`aws:kafka`) or
 * self-managed event source mapping sends: `"<topic>-<partition>"` groups, base64 key (left out when
 * null) and value, headers as single-key objects of byte arrays, timestampType names.
 */
import type { MSKEvent, MSKRecord, SelfManagedKafkaEvent } from 'aws-lambda';

export interface EmulatedMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  /** Kafka's LogAppendTime attribute, when the broker set the timestamp. */
  logAppendTime?: boolean;
}

export interface EventSourceOptions {
  bootstrapServers: string[];
  /** Set: an MSK event with this eventSourceArn; unset: a SelfManagedKafka event. */
  clusterArn?: string;
}

export function kafkaEvent(messages: readonly EmulatedMessage[], source: EventSourceOptions): MSKEvent | SelfManagedKafkaEvent {
  const records: Record<string, MSKRecord[]> = {};
  for (const m of messages) (records[`${m.topic}-${m.partition}`] ??= []).push(record(m));
  const bootstrapServers = source.bootstrapServers.join(',');
  if (source.clusterArn !== undefined) return { eventSource: 'aws:kafka', eventSourceArn: source.clusterArn, bootstrapServers, records };
  return { eventSource: 'SelfManagedKafka', bootstrapServers, records };
}

/** The bytes a message takes in the event (base64 grows by 4/3), for the 6 MB payload cap. */
export function eventBytes(m: EmulatedMessage): number {
  const b64 = (n: number) => Math.ceil(n / 3) * 4;
  let size = 200 + m.topic.length + b64(m.key?.length ?? 0) + b64(m.value?.length ?? 0);
  for (const [key, value] of Object.entries(m.headers ?? {})) size += key.length + 8 + 4 * byteLength(value);
  return size;
}

function record(m: EmulatedMessage): MSKRecord {
  const out: MSKRecord = {
    topic: m.topic,
    partition: m.partition,
    offset: Number(m.offset),
    timestamp: Number(m.timestamp),
    timestampType: m.logAppendTime ? 'LOG_APPEND_TIME' : 'CREATE_TIME',
    value: m.value === null ? (null as unknown as string) : m.value.toString('base64'),
    headers: headers(m.headers),
  } as MSKRecord;
  if (m.key !== null) out.key = m.key.toString('base64');
  else delete (out as Partial<MSKRecord>).key;
  return out;
}

function headers(h: EmulatedMessage['headers']): MSKRecord['headers'] {
  const out: MSKRecord['headers'] = [];
  for (const [key, value] of Object.entries(h ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) out.push({ [key]: v === undefined ? [] : [...Buffer.from(v)] });
  }
  return out;
}

function byteLength(value: Buffer | string | (Buffer | string)[] | undefined): number {
  if (value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((n, v) => n + Buffer.byteLength(v), 0);
  return Buffer.byteLength(value);
}
