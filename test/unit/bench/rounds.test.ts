import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../../../bench/bench-module.ts';
import { medianRows } from '../../../bench/rounds.ts';

const row = (c: string, rate: number | null, note?: string): BenchRow => ({ section: 's', case: c, recordsPerSecond: rate, ...(note === undefined ? {} : { note }) });

describe('medianRows', () => {
  it('gives one round as it is', () => {
    expect(medianRows([[row('a', 1), row('b', 2, 'n')]])).toEqual([row('a', 1), row('b', 2, 'n')]);
  });

  it('gives each row its median round, with the range, in first-seen order', () => {
    const rounds = [[row('a', 300, 'ratio 1.5'), row('b', 10)], [row('a', 100, 'ratio 0.5'), row('b', 30)], [row('a', 200, 'ratio 1.0'), row('b', 20)]];
    expect(medianRows(rounds)).toEqual([
      row('a', 200, 'median of 3 rounds (100–300 rec/cpu-s); ratio 1.0'),
      row('b', 20, 'median of 3 rounds (10–30 rec/cpu-s)'),
    ]);
  });

  it('takes the lower middle of an even count, leaves out failed rounds and keeps a row no round measured', () => {
    const rounds = [[row('a', 4000), row('b', null, 'child process exited with code 1')], [row('a', null, 'failed')], [row('a', 1000), row('b', null, 'again')], [row('a', 2000)], [row('a', 3000)]];
    expect(medianRows(rounds)).toEqual([
      row('a', 2000, 'median of 4 rounds (1,000–4,000 rec/cpu-s), 1 failed'),
      row('b', null, 'child process exited with code 1'),
    ]);
  });
});
