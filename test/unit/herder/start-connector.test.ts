import { describe, expect, it } from 'vitest';
import { startConnector, traceOf } from '#lib/herder/start-connector';
import { createTestHerder, sinkConfig, TEST_SINK } from './herder-harness';

describe('startConnector', () => {
  it('returns the task configs the connector generates', async () => {
    const { deps } = createTestHerder();

    const outcome = await startConnector(deps, { ...sinkConfig({ 'tasks.max': '2' }), name: 'c' });

    expect(outcome.taskConfigs).toHaveLength(2);
    expect(outcome.failure).toBeUndefined();
  });

  it('turns a throwing start into a failure without task configs', async () => {
    const t = createTestHerder();
    const error = new Error('boom');
    t.behaviour.startError = error;

    expect(await startConnector(t.deps, { 'connector.class': TEST_SINK, name: 'c' })).toEqual({ taskConfigs: [], failure: error });
  });

  it('wraps a thrown non-Error in an Error', async () => {
    const t = createTestHerder();
    t.behaviour.startError = 'plain text' as unknown as Error;

    const outcome = await startConnector(t.deps, { 'connector.class': TEST_SINK, name: 'c' });

    expect(outcome.failure).toEqual(new Error('plain text'));
  });
});

describe('traceOf', () => {
  it('is the error’s stack: the error line, then the frames', () => {
    const error = new TypeError('bad');

    expect(traceOf(error)).toBe(error.stack);
    expect(traceOf(error)).toMatch(/^TypeError: bad\n\s+at /);
  });

  it('falls back to the error line when there is no stack', () => {
    const error = new RangeError('out');
    error.stack = undefined;

    expect(traceOf(error)).toBe('RangeError: out');
  });
});
