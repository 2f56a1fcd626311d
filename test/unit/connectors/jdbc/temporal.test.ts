import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, daysFromGregorian, gregorianFromDays, julianFromDays } from '#lib/connectors/jdbc/temporal/civil-calendar';
import { UTC_ZONE, localToEpochMillis, offsetSecondsAt, parseJavaZoneId } from '#lib/connectors/jdbc/temporal/java-zone';
import { dateMillis, timeMillis, timestampMicros, timestampParam } from '#lib/connectors/jdbc/temporal/jdbc-temporal';
import { parseDateText, parseTimeText, parseTimestampText } from '#lib/connectors/jdbc/temporal/pg-datetime-text';

function zone(id: string) {
  const parsed = parseJavaZoneId(id);
  if (!parsed) throw new Error(`no zone ${id}`);
  return parsed;
}

describe('calendars', () => {
  it('counts proleptic Gregorian days like Date.UTC', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2024, 2, 29], [1, 1, 1], [-43, 3, 15]] as const) {
      const utc = new Date(0);
      utc.setUTCFullYear(y, m - 1, d);
      expect(daysFromGregorian(y, m, d)).toBe(utc.getTime() / 86_400_000);
      expect(gregorianFromDays(daysFromGregorian(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
  });

  it('reads dates before 1582-10-15 in the Julian calendar in LEGACY mode, as java.util.GregorianCalendar does', () => {
    expect(daysFromCivil({ year: 1582, month: 10, day: 4 }, 'LEGACY') + 1).toBe(daysFromCivil({ year: 1582, month: 10, day: 15 }, 'LEGACY'));
    expect(daysFromCivil({ year: 1000, month: 1, day: 1 }, 'LEGACY') - daysFromCivil({ year: 1000, month: 1, day: 1 }, 'PROLEPTIC_GREGORIAN')).toBe(5);
    expect(civilFromDays(daysFromCivil({ year: 1000, month: 1, day: 1 }, 'LEGACY'), 'LEGACY')).toEqual({ year: 1000, month: 1, day: 1 });
    expect(julianFromDays(daysFromCivil({ year: -43, month: 3, day: 15 }, 'LEGACY'))).toEqual({ year: -43, month: 3, day: 15 });
  });
});

describe('Java zone ids', () => {
  it('accepts region ids, SHORT_IDS and offsets, and rejects others', () => {
    expect([parseJavaZoneId('Europe/Paris'), parseJavaZoneId('PST'), parseJavaZoneId('EST'), parseJavaZoneId('+05:30'), parseJavaZoneId('UTC-3'), parseJavaZoneId('Mars/Olympus')]).toEqual([
      { id: 'Europe/Paris', region: 'Europe/Paris' },
      { id: 'PST', region: 'America/Los_Angeles' },
      { id: 'EST', fixedOffsetSeconds: -18000 },
      { id: '+05:30', fixedOffsetSeconds: 19800 },
      { id: 'UTC-3', fixedOffsetSeconds: -10800 },
      undefined,
    ]);
  });

  it('finds offsets of region zones, including daylight saving time', () => {
    const paris = zone('Europe/Paris');
    expect([offsetSecondsAt(paris, Date.UTC(2024, 0, 15)), offsetSecondsAt(paris, Date.UTC(2024, 6, 15))]).toEqual([3600, 7200]);
    expect(localToEpochMillis(paris, Date.UTC(2024, 6, 15, 12))).toBe(Date.UTC(2024, 6, 15, 10));
  });
});

describe('PostgreSQL date/time text', () => {
  it('parses timestamps with fractions, offsets and BC years', () => {
    expect(parseTimestampText('2024-02-29 13:45:12.5+05:30')).toEqual({ year: 2024, month: 2, day: 29, timeMicros: 49_512_500_000, offsetSeconds: 19800 });
    expect(parseTimestampText('0044-03-15 10:00:00 BC')).toMatchObject({ year: -43, offsetSeconds: null });
    expect(parseDateText('10000-01-01')).toEqual({ year: 10000, month: 1, day: 1 });
    expect(parseTimeText('24:00:00').timeMicros).toBe(86_400_000_000);
  });

  it('has no value for infinity', () => {
    expect(() => parseTimestampText('infinity')).toThrow("The timestamp value 'infinity' has no Kafka Connect representation");
  });

  it('reads timestamp wall clocks in db.timezone and timestamptz at their own offset, at microsecond precision', () => {
    const ny = zone('America/New_York');
    expect(timestampMicros(parseTimestampText('2024-07-01 12:00:00.000007'), ny, 'LEGACY')).toBe(BigInt(Date.UTC(2024, 6, 1, 16)) * 1000n + 7n);
    expect(timestampMicros(parseTimestampText('2024-07-01 12:00:00+02'), ny, 'LEGACY')).toBe(BigInt(Date.UTC(2024, 6, 1, 10)) * 1000n);
  });

  it('gives dates as UTC midnight and times on 1970-01-01 in db.timezone', () => {
    expect(dateMillis(parseDateText('2024-02-29'), 'LEGACY')).toBe(Date.UTC(2024, 1, 29));
    expect([timeMillis(parseTimeText('01:00:00'), UTC_ZONE), timeMillis(parseTimeText('01:00:00'), zone('+01:00')), timeMillis(parseTimeText('01:00:00-02'), UTC_ZONE)]).toEqual([3_600_000, 0, 10_800_000]);
  });

  it('renders parameters that read back to the same instant', () => {
    const micros = timestampMicros(parseTimestampText('1500-06-01 08:30:00.25'), UTC_ZONE, 'LEGACY');
    expect(timestampParam(micros, UTC_ZONE)).toBe('1500-06-01 08:30:00.250000+00:00');
    expect(timestampParam(-1n, UTC_ZONE)).toBe('1969-12-31 23:59:59.999999+00:00');
  });
});
