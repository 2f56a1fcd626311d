/**
 * Drives a JdbcSinkTask the way the sink runner does (initialize, start, put, stop) against the
 * test database; builds Struct records; counts the DML statements the task sends.
 */
import pg from 'pg';
import { afterEach, vi } from 'vitest';
import { jdbcSinkDescriptor } from '#lib/connectors/jdbc/sink/jdbc-sink-connector';
import type { SinkRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { Struct } from '#lib/data/struct';
import type { SinkTask } from '#lib/plugin/sink-task';
import { sinkRecord, sinkTaskContext, type SinkContextOptions, type TestSinkTaskContext } from '#test/unit/connectors/sink-task-context';

export interface RunningSink {
  task: SinkTask;
  context: TestSinkTaskContext;
}

const started: SinkTask[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(started.splice(0).map((t) => t.stop()));
});

export async function startSink(props: Record<string, string>, options: SinkContextOptions = {}): Promise<RunningSink> {
  const task = jdbcSinkDescriptor.createTask();
  const context = sinkTaskContext(options);
  task.initialize(context);
  await task.start({ name: 'jdbc-sink', ...props });
  started.push(task);
  return { task, context };
}

/** A Struct of `schema` with these field values. */
export function struct(schema: Schema, values: Record<string, unknown>): Struct {
  const s = new Struct(schema);
  for (const [name, value] of Object.entries(values)) s.put(name, value);
  return s;
}

/** Struct-valued records on `topic`, offsets from `firstOffset`, with optional struct or primitive keys. */
export function structRecords(topic: string, valueSchema: Schema, values: Record<string, unknown>[], firstOffset = 0, key?: { schema: Schema; of(v: Record<string, unknown>): unknown }): SinkRecord[] {
  return values.map((v, i) =>
    sinkRecord({ topic, offset: firstOffset + i, valueSchema, value: struct(valueSchema, v), keySchema: key?.schema ?? null, key: key === undefined ? null : key.of(v) }),
  );
}

/** The texts of INSERT/UPDATE/DELETE statements sent by any pg client while `fn` runs. */
export async function dmlStatements(fn: () => unknown): Promise<string[]> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    if (/^(INSERT|UPDATE|DELETE)\b/.test(text)) texts.push(text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return texts;
}

export async function rows(pool: pg.Pool, sql: string): Promise<Record<string, unknown>[]> {
  return (await pool.query(sql)).rows as Record<string, unknown>[];
}

/** What `work` rejected with, or undefined when it succeeded. */
export async function errorOf(work: unknown): Promise<unknown> {
  try {
    await work;
    return undefined;
  } catch (err) {
    return err;
  }
}
