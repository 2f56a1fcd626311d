/** Prints bench rows as an aligned text table. */
import type { BenchRow } from './bench-module';

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.section,
    r.case,
    r.recordsPerSecond === null ? '—' : Math.round(r.recordsPerSecond).toLocaleString('en-US'),
    r.wallRecordsPerSecond === undefined ? '' : Math.round(r.wallRecordsPerSecond).toLocaleString('en-US'),
    r.recordBytes === undefined ? '' : String(r.recordBytes),
    r.note ?? '',
  ]);
  const header = ['section', 'case', 'records/cpu-s', 'records/wall-s', 'bytes/rec', 'note'];
  const numeric = new Set([2, 3, 4]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
