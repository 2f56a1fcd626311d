import { describe, expect, it } from 'vitest';
import type { ReconcileSummary } from '#lib/runtime/sink/mappings/reconcile-all-mappings';
import { runTick } from '#lib/runtime/tick';
import { silentLog } from './source/harness';

const reconciled: ReconcileSummary = { connectors: 1, created: 1, updated: 0, enabled: 0, disabled: 0, deleted: 0, unchanged: 0, skipped: 0, failed: 0 };

describe('the scheduler tick', () => {
  it('dispatches the source tasks and reconciles the sink mappings', async () => {
    const summary = await runTick({ dispatchSources: async () => ({ invoked: [], failed: [] }), reconcileSinks: async () => reconciled, log: silentLog });
    expect(summary).toEqual({ sources: { invoked: [], failed: [] }, sinks: reconciled });
  });

  it('still reconciles when dispatching fails', async () => {
    const summary = await runTick({ dispatchSources: () => Promise.reject(new Error('table throttled')), reconcileSinks: async () => reconciled, log: silentLog });
    expect(summary).toEqual({ sources: { error: 'table throttled' }, sinks: reconciled });
  });

  it('still dispatches when reconciling fails', async () => {
    const summary = await runTick({ dispatchSources: async () => ({ invoked: [], failed: [] }), reconcileSinks: () => Promise.reject(new Error('Lambda API throttled')), log: silentLog });
    expect(summary).toEqual({ sources: { invoked: [], failed: [] }, sinks: { error: 'Lambda API throttled' } });
  });

  it('only dispatches when no mappings are managed', async () => {
    expect(await runTick({ dispatchSources: async () => ({ invoked: [], failed: [] }), log: silentLog })).toEqual({ sources: { invoked: [], failed: [] } });
  });
});
