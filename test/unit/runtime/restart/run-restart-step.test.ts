import { describe, expect, it } from 'vitest';
import { BadRequestError, StoreUnavailableError } from '#lib/errors';
import { RETRIABLE_ERROR } from '#lib/runtime/restart/errors';
import { runRestartStep } from '#lib/runtime/restart/run-restart-step';
import type { RestartStepDeps } from '#lib/runtime/restart/restart-steps';
import { createRestartHarness } from './restart-harness';

const INPUT = { connector: 'c', incarnation: 'i', generation: 1, restartConnector: false, tasks: [], reason: 'requested', backoffSeconds: 0, poll: { waitSeconds: 1, maxPolls: 1 } };

describe('runRestartStep', () => {
  it('rejects a payload that names no known step', async () => {
    const h = createRestartHarness();

    await expect(runRestartStep(h.steps, { step: 'nap', input: INPUT })).rejects.toBeInstanceOf(BadRequestError);
    await expect(runRestartStep(h.steps, null)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('answers null for a step without a result, as a Task state needs JSON', async () => {
    const h = createRestartHarness();

    expect(await runRestartStep(h.steps, { step: 're-enable', input: { ...INPUT, restarted: { generation: 1, awaitTasks: [], connectorFailed: false } } })).toBeNull();
  });

  it('turns a retriable failure into the error the state machine retries', async () => {
    const h = createRestartHarness();
    const steps: RestartStepDeps = { ...h.steps, herder: { ...h.steps.herder, stores: { ...h.stores, configs: { ...h.stores.configs, get: async () => Promise.reject(new StoreUnavailableError('throttled')) } } } };

    await expect(runRestartStep(steps, { step: 'mark-restarting', input: INPUT })).rejects.toMatchObject({ name: RETRIABLE_ERROR });
  });
});
