/** Rows of several rounds of the same cases, as one table: each row its median round, with the range. */
import type { BenchRow } from './bench-module';

/**
 * For each row (section and case, in first-seen order), the round whose records/cpu-s is the median
 * (the lower of the two middle ones for an even count), its note extended with the round count and
 * range. Rounds in which the case could not run are left out; a row no round measured stays as the
 * first round gave it.
 */
export function medianRows(rounds: readonly (readonly BenchRow[])[]): BenchRow[] {
  if (rounds.length <= 1) return [...(rounds[0] ?? [])];
  const byRow = new Map<string, BenchRow[]>();
  for (const row of rounds.flat()) {
    const key = `${row.section}\u0000${row.case}`;
    const rows = byRow.get(key);
    if (rows === undefined) byRow.set(key, [row]);
    else rows.push(row);
  }
  return [...byRow.values()].map((rows) => {
    const measured = rows.filter((r) => r.recordsPerSecond !== null).sort((a, b) => (a.recordsPerSecond as number) - (b.recordsPerSecond as number));
    if (measured.length === 0) return rows[0] as BenchRow;
    const median = measured[(measured.length - 1) >> 1] as BenchRow;
    const low = Math.round(measured[0]?.recordsPerSecond as number).toLocaleString('en-US');
    const high = Math.round(measured[measured.length - 1]?.recordsPerSecond as number).toLocaleString('en-US');
    const summary = `median of ${measured.length} rounds (${low}–${high} rec/cpu-s)${measured.length < rows.length ? `, ${rows.length - measured.length} failed` : ''}`;
    return { ...median, note: median.note === undefined || median.note === '' ? summary : `${summary}; ${median.note}` };
  });
}
