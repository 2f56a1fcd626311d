import { describe, expect, it } from 'vitest';
import { DataError, RetriableError } from '#lib/errors';
import type { ErrorReporter } from '#lib/runtime/errors/error-reporter';
import { ToleranceExceededError, UnhandledStageError } from '#lib/runtime/errors/errors';
import { ProcessingContext } from '#lib/runtime/errors/processing-context';
import { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import { fakeTime } from '../fake-time';

type Policy = { retryTimeoutMs: number; retryDelayMaxMs: number; tolerance: 'none' | 'all' };

function setup(policy: Partial<Policy> = {}) {
  const time = fakeTime();
  const reported: ProcessingContext<string>[] = [];
  let flushes = 0;
  const reporter: ErrorReporter<string> = { report: (c) => void reported.push(c), flush: async () => void flushes++ };
  const operator = new RetryWithToleranceOperator<string>(
    { retryTimeoutMs: 0, retryDelayMaxMs: 60_000, tolerance: 'none', ...policy },
    { reporters: [reporter], clock: time.clock, sleep: time.sleep, random: () => 0.5 },
  );
  return { operator, time, reported, flushes: () => flushes, context: new ProcessingContext('record-1', 'VALUE_CONVERTER', 'org.example.Conv') };
}

/** An operation that throws the given errors in turn, then returns 'ok'. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const op = () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return 'ok';
  };
  return { op, calls: () => calls };
}

describe('RetryWithToleranceOperator', () => {
  it('returns the value of an operation that succeeds, in one attempt', async () => {
    const { operator, context } = setup();
    await expect(operator.execute(context, 'VALUE_CONVERTER', 'C', () => 42)).resolves.toEqual({ ok: true, value: 42 });
    expect(context.attempt).toBe(1);
    expect(context.failed()).toBe(false);
  });

  it('retries a retriable error and returns the value once the operation succeeds', async () => {
    const { operator, context, time, reported } = setup({ retryTimeoutMs: 10_000 });
    const { op, calls } = failing(new RetriableError('busy'), new RetriableError('busy'));
    const outcome = await operator.execute(context, 'KEY_CONVERTER', 'C', op);
    expect(outcome).toEqual({ ok: true, value: 'ok' });
    expect(calls()).toBe(3);
    expect(context.attempt).toBe(3);
    expect(time.delays).toEqual([300, 600]);
    expect(reported).toEqual([]);
    expect(operator.metrics).toMatchObject({ recordFailures: 2, retries: 2, recordErrors: 0 });
  });

  it('retries any error flagged retriable, such as a Kafka client error', async () => {
    const { operator, context } = setup({ retryTimeoutMs: 10_000 });
    const clientError = Object.assign(new Error('NOT_LEADER_FOR_PARTITION'), { retriable: true });
    const { op, calls } = failing(clientError);
    await expect(operator.execute(context, 'KAFKA_PRODUCE', 'P', op)).resolves.toEqual({ ok: true, value: 'ok' });
    expect(calls()).toBe(2);
  });

  it('does not retry a non-retriable error, whatever its message says', async () => {
    const { operator, context, time } = setup({ retryTimeoutMs: 10_000, tolerance: 'all' });
    const { op, calls } = failing(new DataError('retriable timeout, please retry'));
    const outcome = await operator.execute(context, 'VALUE_CONVERTER', 'C', op);
    expect(outcome.ok).toBe(false);
    expect(calls()).toBe(1);
    expect(time.delays).toEqual([]);
  });

  it('does not retry at all with errors.retry.timeout=0', async () => {
    const { operator, context, time } = setup({ retryTimeoutMs: 0, tolerance: 'all' });
    const { op, calls } = failing(new RetriableError('busy'));
    expect((await operator.execute(context, 'VALUE_CONVERTER', 'C', op)).ok).toBe(false);
    expect(calls()).toBe(1);
    expect(time.delays).toEqual([]);
  });

  it('stops retrying at the retry timeout, the last backoff shortened to the deadline', async () => {
    const { operator, context, time } = setup({ retryTimeoutMs: 1_000, tolerance: 'all' });
    const { op, calls } = failing(...Array.from({ length: 10 }, () => new RetriableError('busy')));
    const outcome = await operator.execute(context, 'VALUE_CONVERTER', 'C', op);
    expect(outcome.ok).toBe(false);
    expect(time.delays).toEqual([300, 600, 100]);
    expect(calls()).toBe(4);
    expect(context.attempt).toBe(4);
  });

  it('keeps retrying with errors.retry.timeout=-1, with jittered delays once the maximum is reached', async () => {
    const { operator, context, time } = setup({ retryTimeoutMs: -1, retryDelayMaxMs: 1_000 });
    const { op } = failing(...Array.from({ length: 6 }, () => new RetriableError('busy')));
    await expect(operator.execute(context, 'VALUE_CONVERTER', 'C', op)).resolves.toEqual({ ok: true, value: 'ok' });
    expect(time.delays).toEqual([300, 600, 500, 500, 500, 500]);
  });

  it('throws Tolerance exceeded with the cause when retries run out under errors.tolerance=none', async () => {
    const { operator, context, reported } = setup({ retryTimeoutMs: 1_000, tolerance: 'none' });
    const cause = new RetriableError('still busy');
    const { op } = failing(...Array.from({ length: 10 }, () => cause));
    const rejection = operator.execute(context, 'VALUE_CONVERTER', 'C', op);
    await expect(rejection).rejects.toThrow(ToleranceExceededError);
    await expect(rejection).rejects.toMatchObject({ message: 'Tolerance exceeded in error handler', cause, retriable: false });
    expect(reported).toEqual([context]);
  });

  it('marks the record failed and carries on when retries run out under errors.tolerance=all', async () => {
    const { operator, context, reported } = setup({ retryTimeoutMs: 1_000, tolerance: 'all' });
    const cause = new RetriableError('still busy');
    const { op } = failing(...Array.from({ length: 10 }, () => cause));
    const outcome = await operator.execute(context, 'VALUE_CONVERTER', 'C', op);
    expect(outcome).toEqual({ ok: false, error: cause });
    expect(context.failed()).toBe(true);
    expect(context.error).toBe(cause);
    expect(reported).toEqual([context]);
    expect(operator.metrics).toMatchObject({ recordErrors: 1, recordsSkipped: 1 });
  });

  it('throws Tolerance exceeded for a converter error under errors.tolerance=none, after reporting and flushing', async () => {
    const { operator, context, reported, flushes } = setup({ tolerance: 'none' });
    const cause = new DataError('bad bytes');
    await expect(operator.execute(context, 'VALUE_CONVERTER', 'C', () => { throw cause; })).rejects.toMatchObject({ message: 'Tolerance exceeded in error handler', cause });
    expect(reported).toHaveLength(1);
    expect(flushes()).toBe(1);
  });

  it('skips a transformation error under errors.tolerance=all', async () => {
    const { operator, context } = setup({ tolerance: 'all' });
    const outcome = await operator.execute(context, 'TRANSFORMATION', 'T', () => { throw new TypeError('boom'); });
    expect(outcome.ok).toBe(false);
    expect(context.stage).toBe('TRANSFORMATION');
    expect(context.executingClass).toBe('T');
  });

  it('does not tolerate a non-retriable error outside converters and transformations, even with errors.tolerance=all', async () => {
    const { operator, context, reported } = setup({ tolerance: 'all' });
    const cause = new Error('disk full');
    const rejection = operator.execute(context, 'TASK_PUT', 'S', () => { throw cause; });
    await expect(rejection).rejects.toThrow(UnhandledStageError);
    await expect(rejection).rejects.toMatchObject({ message: 'Unhandled exception in error handler', cause });
    expect(reported).toHaveLength(1);
  });

  it('leaves a context that already failed alone', async () => {
    const { operator, context } = setup({ tolerance: 'all' });
    context.fail(new DataError('earlier'));
    let ran = false;
    const outcome = await operator.execute(context, 'HEADER_CONVERTER', 'H', () => (ran = true));
    expect(outcome.ok).toBe(false);
    expect(ran).toBe(false);
  });

  it('stops retrying once triggerStop is called', async () => {
    const { operator, context, time } = setup({ retryTimeoutMs: -1, tolerance: 'all' });
    let calls = 0;
    const outcome = await operator.execute(context, 'VALUE_CONVERTER', 'C', () => {
      if (++calls === 2) operator.triggerStop();
      throw new RetriableError('busy');
    });
    expect(outcome.ok).toBe(false);
    expect(calls).toBe(2);
    expect(time.delays).toHaveLength(1);
  });

  it('reports an externally failed operation and throws under errors.tolerance=none (executeFailed)', async () => {
    const { operator, context, reported } = setup({ tolerance: 'none' });
    await expect(operator.executeFailed(context, 'TASK_PUT', 'org.apache.kafka.connect.sink.SinkTask', new Error('bad row'))).rejects.toThrow('Tolerance exceeded in error handler');
    expect(reported[0]?.stage).toBe('TASK_PUT');
  });

  it('accepts an externally failed operation under errors.tolerance=all (executeFailed)', async () => {
    const { operator, context } = setup({ tolerance: 'all' });
    await operator.executeFailed(context, 'TASK_PUT', 'org.apache.kafka.connect.sink.SinkTask', new Error('bad row'));
    expect(context.failed()).toBe(true);
    expect(operator.withinToleranceLimits()).toBe(true);
  });
});
