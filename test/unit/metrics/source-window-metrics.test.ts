import { describe, expect, it } from 'vitest';
import { DataError } from '#lib/errors';
import { createMemoryMetrics } from '#lib/metrics/memory-metrics';
import { runSourceWindow } from '#lib/runtime/source/run-source-window';
import { harness, uniqueName } from '../runtime/source/harness';

/** The counting source's windows over memory stores, reporting into in-memory metrics. */
function measured() {
  const h = harness();
  const metrics = createMemoryMetrics();
  const run = async (name: string) => {
    const record = await h.stores.configs.get(name);
    return runSourceWindow({ ...h.deps, metrics }, { connector: name, taskId: 0, generation: record?.generation ?? 1 }, { invocationId: `inv-${name}`, workerId: 'source-task/inv', remainingTimeMs: 900_000 });
  };
  return { h, metrics, run };
}

const byName = (data: ReadonlyArray<{ name: string; value: number }>) => Object.fromEntries(data.map((d) => [d.name, d.value]));

describe('source window metrics', () => {
  it('flushes once per window, with the counts of the summary and the task dimensions', async () => {
    const { h, metrics, run } = measured();
    const name = uniqueName();
    await h.create(name);
    const summary = await run(name);
    expect(metrics.flushes).toHaveLength(1);
    const [flush = []] = metrics.flushes;
    expect(new Set(flush.map((d) => JSON.stringify(d.dimensions)))).toEqual(new Set([JSON.stringify({ Connector: name, ConnectorType: 'source', Task: '0' })]));
    expect(byName(flush)).toEqual({
      SourceRecordsPolled: summary.polled,
      SourceRecordsWritten: summary.produced,
      RecordsFailed: 0,
      DlqRecords: 0,
      TaskFailed: 0,
      SourceWindowUtilisation: 100,
    });
    expect(summary.produced).toBe(50);
  });

  it('reports a window that ended idle early with its share of the planned polling time', async () => {
    const { h, metrics, run } = measured();
    const name = uniqueName();
    await h.create(name, { rows: '20' }); // 2 polls with rows, a third empty: 3 s of a 5 s window
    await run(name);
    expect(metrics.total('SourceWindowUtilisation')).toBe(60);
  });

  it('counts tolerated failures and their DLQ records', async () => {
    const { h, metrics, run } = measured();
    const name = uniqueName();
    await h.create(name, { rows: '3', 'value.converter': 'org.apache.kafka.connect.converters.IntegerConverter', 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': `${name}-dlq` });
    const summary = await run(name);
    expect(summary).toMatchObject({ failed: 3, deadLettered: 3, produced: 0 });
    expect([metrics.total('RecordsFailed'), metrics.total('DlqRecords'), metrics.total('SourceRecordsWritten')]).toEqual([3, 3, 0]);
  });

  it('reports TaskFailed when the window fails its task', async () => {
    const { h, metrics, run } = measured();
    const name = uniqueName();
    const behaviour = await h.create(name);
    behaviour.beforePoll = (_, next) => {
      h.clock.advance(1_000);
      if (next === 20) throw new DataError('row 20 is corrupt');
    };
    expect(await run(name)).toMatchObject({ outcome: 'failed' });
    expect([metrics.total('TaskFailed'), metrics.total('SourceRecordsWritten')]).toEqual([1, 20]);
  });

  it('reports nothing for a window that was skipped', async () => {
    const { h, metrics, run } = measured();
    const name = uniqueName();
    await h.create(name);
    await h.herder.pauseConnector(name);
    expect(await run(name)).toMatchObject({ outcome: 'skipped' });
    expect(metrics.flushes).toEqual([]);
  });

  it('keeps the window result when reporting fails', async () => {
    const { h } = measured();
    const name = uniqueName();
    await h.create(name);
    const broken = { record() {}, flush: () => { throw new Error('stdout closed'); } };
    const record = await h.stores.configs.get(name);
    const summary = await runSourceWindow({ ...h.deps, metrics: broken }, { connector: name, taskId: 0, generation: record?.generation ?? 1 }, { invocationId: 'inv-x', workerId: 'w', remainingTimeMs: 900_000 });
    expect(summary).toMatchObject({ outcome: 'completed', produced: 50 });
  });
});
