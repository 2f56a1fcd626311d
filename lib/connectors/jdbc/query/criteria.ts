/**
 * Confluent's TimestampIncrementingCriteria for PostgreSQL: the WHERE / ORDER BY appended to the
 * query and its parameters. Timestamp columns combine with COALESCE in the configured order.
 *   timestamp+incrementing: WHERE ts < $end AND ((ts = $begin AND inc > $last) OR ts > $begin) ORDER BY ts, inc ASC
 *   incrementing:           WHERE inc > $last ORDER BY inc ASC
 *   timestamp:              WHERE ts > $begin AND ts < $end ORDER BY ts ASC
 * The tie-break on the incrementing column means rows sharing a timestamp are never skipped.
 * Timestamps are sent as untyped text in `db.timezone` with its offset, as pgjdbc's
 * setTimestamp(i, ts, calendar) does, so `timestamp` and `timestamptz` columns both compare right.
 */
import type { JavaZone } from '../temporal/java-zone';
import { timestampParam } from '../temporal/jdbc-temporal';

export interface Criteria {
  /** The incrementing column as SQL (qualified, quoted), or null. */
  incrementing: string | null;
  /** The timestamp columns as SQL, or empty. */
  timestamps: readonly string[];
}

export interface CriteriaValues {
  beginMicros: bigint;
  endMicros: bigint;
  lastIncrementing: bigint;
}

export function usesTimestamps(criteria: Criteria): boolean {
  return criteria.timestamps.length > 0;
}

export function whereClause(criteria: Criteria): string {
  const inc = criteria.incrementing;
  if (criteria.timestamps.length === 0) return inc === null ? '' : ` WHERE ${inc} > $1 ORDER BY ${inc} ASC`;
  const ts = criteria.timestamps.length === 1 ? (criteria.timestamps[0] as string) : `COALESCE(${criteria.timestamps.join(',')})`;
  if (inc === null) return ` WHERE ${ts} > $1 AND ${ts} < $2 ORDER BY ${ts} ASC`;
  return ` WHERE ${ts} < $1 AND ((${ts} = $2 AND ${inc} > $3) OR ${ts} > $4) ORDER BY ${ts},${inc} ASC`;
}

export function queryParameters(criteria: Criteria, values: CriteriaValues, zone: JavaZone): string[] {
  const last = values.lastIncrementing.toString();
  if (criteria.timestamps.length === 0) return criteria.incrementing === null ? [] : [last];
  const begin = timestampParam(values.beginMicros, zone);
  const end = timestampParam(values.endMicros, zone);
  return criteria.incrementing === null ? [begin, end] : [end, begin, last, begin];
}
