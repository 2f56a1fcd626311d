import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStreamSourceDescriptor } from '#lib/connectors/file/file-stream-source-connector';
import { STDIN_UNSUPPORTED_MESSAGE, FileStreamSourceTask } from '#lib/connectors/file/file-stream-source-task';
import type { SourceRecord } from '#lib/data/connect-record';
import { Schema } from '#lib/data/schemas';
import { taskContext, type TestTaskContext } from '../task-context';

let dir: string;
let file: string;
let task: FileStreamSourceTask;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-source-'));
  file = join(dir, 'input.txt');
});

afterEach(async () => {
  await task?.stop();
  await rm(dir, { recursive: true, force: true });
});

function startTask(props: Record<string, string> = {}, context: TestTaskContext = taskContext()): FileStreamSourceTask {
  task = fileStreamSourceDescriptor.createTask() as FileStreamSourceTask;
  task.initialize(context);
  task.start({ file, topic: 'lines', ...props });
  return task;
}

const values = (records: SourceRecord[] | null): unknown[] => (records ?? []).map((r) => r.value);
const positions = (records: SourceRecord[] | null): unknown[] => (records ?? []).map((r) => r.sourceOffset?.position);

describe('FileStreamSourceTask', () => {
  it('is created by the source connector descriptor', () => {
    expect(fileStreamSourceDescriptor.createTask()).toBeInstanceOf(FileStreamSourceTask);
  });

  it('reads lines as STRING records with the filename partition and the byte position after each line', async () => {
    await writeFile(file, 'alpha\nbeta\n');
    const records = await startTask().poll();
    expect(records).toEqual([
      expect.objectContaining({ topic: 'lines', kafkaPartition: null, key: null, keySchema: null, valueSchema: Schema.STRING_SCHEMA, value: 'alpha', sourcePartition: { filename: file }, sourceOffset: { position: 6 } }),
      expect.objectContaining({ value: 'beta', sourceOffset: { position: 11 } }),
    ]);
    expect(typeof records?.[0]?.timestamp).toBe('number');
  });

  it('splits on \\n, \\r\\n and \\r as Kafka does', async () => {
    await writeFile(file, 'a\r\nb\rc\nd\n');
    const records = await startTask().poll();
    expect([values(records), positions(records)]).toEqual([['a', 'b', 'c', 'd'], [3, 5, 7, 9]]);
  });

  it('holds back a partial last line until its terminator is written', async () => {
    await writeFile(file, 'done\npart');
    const t = startTask();
    expect(values(await t.poll())).toEqual(['done']);
    await appendFile(file, 'ial\nnext\n');
    const records = await t.poll();
    expect([values(records), positions(records)]).toEqual([['partial', 'next'], [13, 18]]);
  });

  it('waits for the byte after a trailing \\r before ending the line', async () => {
    await writeFile(file, 'x\r');
    const t = startTask();
    expect(await t.poll()).toBeNull();
    await appendFile(file, '\ny\n');
    expect(positions(await t.poll())).toEqual([3, 5]);
  });

  it('resumes at the committed position of its file', async () => {
    await writeFile(file, 'one\ntwo\nthree\n');
    const records = await startTask({}, taskContext([[{ filename: file }, { position: 4 }]])).poll();
    expect([values(records), positions(records)]).toEqual([['two', 'three'], [8, 14]]);
  });

  it('accepts a committed position given as a bigint', async () => {
    await writeFile(file, 'one\ntwo\n');
    expect(values(await startTask({}, taskContext([[{ filename: file }, { position: 4n }]])).poll())).toEqual(['two']);
  });

  it('fails on a committed position that is not a Long', async () => {
    await writeFile(file, 'one\n');
    await expect(startTask({}, taskContext([[{ filename: file }, { position: '4' }]])).poll()).rejects.toThrow('Offset position is the incorrect type');
  });

  it('returns at most batch.size records per poll and the rest on the next polls', async () => {
    await writeFile(file, 'a\nb\nc\nd\ne\n');
    const t = startTask({ 'batch.size': '2' });
    expect([values(await t.poll()), values(await t.poll()), values(await t.poll())]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('counts positions in bytes, so multi-byte lines resume exactly', async () => {
    await writeFile(file, 'héllo\nwörld\n');
    const first = await startTask().poll();
    expect(positions(first)).toEqual([7, 14]);
    await task.stop();
    expect(values(await startTask({}, taskContext([[{ filename: file }, { position: 7 }]])).poll())).toEqual(['wörld']);
  });

  it('returns null while the file does not exist, then reads it once created', async () => {
    const t = startTask();
    expect(await t.poll()).toBeNull();
    await writeFile(file, 'late\n');
    expect(values(await t.poll())).toEqual(['late']);
  });

  it('returns null when nothing new was written', async () => {
    await writeFile(file, 'only\n');
    const t = startTask();
    await t.poll();
    expect(await t.poll()).toBeNull();
  });

  it('ends an idle wait as soon as it is stopped', async () => {
    const t = startTask();
    const started = Date.now();
    const pending = t.poll();
    await t.stop();
    expect(await pending).toBeNull();
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('refuses to read standard input when file is unset', () => {
    task = new FileStreamSourceTask();
    expect(() => task.start({ topic: 'lines' })).toThrow(STDIN_UNSUPPORTED_MESSAGE);
  });

  it('fails to start without a topic, with Kafka message', () => {
    task = new FileStreamSourceTask();
    expect(() => task.start({ file })).toThrow('FileStreamSourceTask config missing topic setting');
  });

  it('fails to start with a batch.size that is not an int', () => {
    task = new FileStreamSourceTask();
    expect(() => task.start({ file, topic: 't', 'batch.size': 'many' })).toThrow('Invalid FileStreamSourceTask configuration');
  });
});
