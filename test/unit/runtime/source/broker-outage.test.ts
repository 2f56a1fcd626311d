import { describe, expect, it } from 'vitest';
import { DataError, RetriableError } from '#lib/errors';
import type { TaskFailure, TaskRecovery } from '#lib/runtime/restart/task-recovery';
import { countingPartition } from './fixtures/counting-source';
import { harness, uniqueName } from './harness';

function recordingRecovery(): TaskRecovery & { failures: TaskFailure[] } {
  const failures: TaskFailure[] = [];
  return { failures, taskFailed: async (failure) => (failures.push(failure), 'scheduled') };
}

describe('a source window when the broker is unreachable', () => {
  it('with automatic recovery, fails the task with the trace and hands the retriable cause over, after committing what Kafka acknowledged', async () => {
    const h = harness();
    const recovery = recordingRecovery();
    h.deps.recovery = recovery;
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      if (next === 10) h.producer.failNext(1_000, new RetriableError('broker unreachable'));
    };

    expect(await h.run(name)).toMatchObject({ outcome: 'failed', reason: 'error' });

    const status = await h.herder.taskStatus(name, 0);
    expect(status.state).toBe('FAILED');
    expect(status.trace).toMatch(/^org\.apache\.kafka\.connect\.errors\.ConnectException: Gave up producing for .* for this window\n/);
    expect(status.trace).toContain('Caused by: org.apache.kafka.connect.errors.RetriableException: broker unreachable');
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toEqual({ row: 9 });
    const record = await h.stores.configs.get(name);
    expect(recovery.failures).toEqual([{ connector: name, taskId: 0, incarnation: record?.incarnation, generation: record?.generation, error: expect.any(RetriableError) }]);
    expect((await h.stores.leases.get(name, 0))?.expiresAt).toBe(0);
    expect(behaviour.stops).toBe(1);
  });

  it('hands a non-retriable failure over as it is, for recovery to leave FAILED', async () => {
    const h = harness();
    const recovery = recordingRecovery();
    h.deps.recovery = recovery;
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = () => {
      throw new DataError('row is corrupt');
    };

    expect(await h.run(name)).toMatchObject({ outcome: 'failed' });
    expect(recovery.failures.map((f) => f.error)).toEqual([expect.any(DataError)]);
  });

  it('does not wait for a send that never completes past the window deadline', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name);
    // The window polls 5 s and keeps a 10 s margin: this send starts after its deadline and never settles.
    h.deps.producer = {
      send: async () => {
        h.clock.advance(20_000);
        return new Promise(() => undefined);
      },
    };

    expect(await h.run(name)).toMatchObject({ outcome: 'completed', reason: 'retries-exhausted', produced: 0 });
    expect(await h.stores.offsets.get(name, countingPartition(name, 0))).toBeUndefined();
    expect(await h.herder.taskStatus(name, 0)).toMatchObject({ state: 'RUNNING' });
  });
});
