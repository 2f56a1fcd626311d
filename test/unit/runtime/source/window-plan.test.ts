import { describe, expect, it } from 'vitest';
import { planWindow } from '#lib/runtime/source/window-plan';
import { silentLog } from './harness';

const T = 1_000_000;

describe('planning a window', () => {
  it('polls for poll.window.ms, 60 s by default', () => {
    expect(planWindow({}, T, 900_000, 10_000, silentLog)).toEqual({ startedAt: T, pollUntil: T + 60_000, finishBy: T + 70_000 });
    expect(planWindow({ 'poll.window.ms': '5000' }, T, 900_000, 10_000, silentLog).pollUntil).toBe(T + 5_000);
  });

  it('stops polling a safety margin before the invocation ends', () => {
    expect(planWindow({ 'poll.window.ms': '120000' }, T, 70_000, 10_000, silentLog)).toMatchObject({ pollUntil: T + 60_000, finishBy: T + 69_000 });
  });

  it('gives retries of the last batch and commit the safety margin after polling, never the whole invocation', () => {
    expect(planWindow({ 'poll.window.ms': '5000' }, T, 900_000, 10_000, silentLog).finishBy).toBe(T + 15_000);
    expect(planWindow({ 'poll.window.ms': '120000' }, T, 70_000, 10_000, silentLog).finishBy).toBe(T + 69_000);
  });

  it('keeps the connector poll.interval.ms', () => {
    expect(planWindow({ 'poll.interval.ms': '5000' }, T, 900_000, 10_000, silentLog).pollIntervalMs).toBe(5_000);
  });

  it('ignores values that are not milliseconds, with a warning', () => {
    const warnings: string[] = [];
    const log = { ...silentLog, warn: (m: string) => void warnings.push(m) };
    expect(planWindow({ 'poll.window.ms': 'soon', 'poll.interval.ms': '-1' }, T, 900_000, 10_000, log)).toEqual({ startedAt: T, pollUntil: T + 60_000, finishBy: T + 70_000 });
    expect(warnings).toEqual(['Ignoring poll.window.ms=soon: not a non-negative number of milliseconds', 'Ignoring poll.interval.ms=-1: not a non-negative number of milliseconds']);
  });
});
