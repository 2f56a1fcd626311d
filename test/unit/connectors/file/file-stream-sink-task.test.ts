import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileStreamSinkDescriptor } from '#lib/connectors/file/file-stream-sink-connector';
import { FileStreamSinkTask } from '#lib/connectors/file/file-stream-sink-task';
import { BigDecimal } from '#lib/data/big-decimal';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import { Struct } from '#lib/data/struct';
import { sinkRecord, sinkTaskContext } from '../sink-task-context';

let dir: string;
let file: string;
let task: FileStreamSinkTask | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-sink-'));
  file = join(dir, 'out.txt');
});

afterEach(async () => {
  await task?.stop();
  task = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function startTask(props: Record<string, string> = { file }): Promise<FileStreamSinkTask> {
  task = fileStreamSinkDescriptor.createTask() as FileStreamSinkTask;
  task.initialize(sinkTaskContext());
  await task.start(props);
  return task;
}

describe('FileStreamSinkTask', () => {
  it('is created by the sink connector descriptor', () => {
    expect(fileStreamSinkDescriptor.createTask()).toBeInstanceOf(FileStreamSinkTask);
  });

  it('appends one line per record value and keeps what the file held', async () => {
    await writeFile(file, 'before\n');
    const sink = await startTask();
    await sink.put([sinkRecord({ valueSchema: Schema.STRING_SCHEMA, value: 'a' }), sinkRecord({ valueSchema: Schema.STRING_SCHEMA, value: 'b c' })]);
    await sink.flush();
    expect(await readFile(file, 'utf8')).toBe('before\na\nb c\n');
  });

  it('creates the file when it does not exist', async () => {
    const sink = await startTask();
    await sink.put([sinkRecord({ value: 'x' })]);
    await sink.flush();
    expect(await readFile(file, 'utf8')).toBe('x\n');
  });

  it('prints values as Java does: null, numbers by schema type, structs, lists, maps and decimals', async () => {
    const struct = new Struct(SchemaBuilder.struct().field('id', Schema.INT64_SCHEMA).field('name', Schema.OPTIONAL_STRING_SCHEMA).build()).put('id', 7n);
    const sink = await startTask();
    await sink.put([
      sinkRecord({ value: null }),
      sinkRecord({ valueSchema: Schema.FLOAT64_SCHEMA, value: 1 }),
      sinkRecord({ valueSchema: Schema.FLOAT32_SCHEMA, value: Math.fround(0.1) }),
      sinkRecord({ valueSchema: Schema.INT64_SCHEMA, value: 9007199254740993n }),
      sinkRecord({ valueSchema: struct.schema, value: struct }),
      sinkRecord({ value: ['a', 1, true] }),
      sinkRecord({ value: new Map<string, unknown>([['b', 1], ['a', 2]]) }),
      sinkRecord({ value: new BigDecimal(1500n, -1) }),
      sinkRecord({ value: new Date(0) }),
    ]);
    await sink.flush();
    expect((await readFile(file, 'utf8')).split('\n')).toEqual([
      'null', '1.0', '0.1', '9007199254740993', 'Struct{id=7}', '[a, 1, true]', '{a=2, b=1}', '1.500E+4', 'Thu Jan 01 00:00:00 UTC 1970', '',
    ]);
  });

  it('writes to standard output without a file', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const sink = await startTask({});
      await sink.put([sinkRecord({ value: 'one' }), sinkRecord({ value: 'two' })]);
      await sink.flush();
      expect(write).toHaveBeenCalledWith('one\ntwo\n');
    } finally {
      write.mockRestore();
    }
  });

  it("fails to start with Kafka's message when the file cannot be created", async () => {
    await expect(startTask({ file: join(dir, 'missing', 'out.txt') })).rejects.toThrow(`Couldn't find or create file '${join(dir, 'missing', 'out.txt')}' for FileStreamSinkTask`);
  });

  it('does nothing for an empty batch', async () => {
    const sink = await startTask();
    await sink.put([]);
    await sink.flush();
    expect(await readFile(file, 'utf8')).toBe('');
  });
});
