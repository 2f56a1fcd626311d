import { describe, expect, it } from 'vitest';
import { queryParameters, whereClause } from '#lib/connectors/jdbc/query/criteria';
import { UTC_ZONE, parseJavaZoneId } from '#lib/connectors/jdbc/temporal/java-zone';

const ts = ['"public"."t"."updated"'];
const inc = '"public"."t"."id"';
const values = { beginMicros: 1_704_067_200_000_123n, endMicros: 1_704_067_260_000_000n, lastIncrementing: 41n };

describe('incremental query criteria', () => {
  it('builds Confluent timestamp+incrementing clause with the incrementing tie-break', () => {
    expect(whereClause({ incrementing: inc, timestamps: ts })).toBe(
      ' WHERE "public"."t"."updated" < $1 AND (("public"."t"."updated" = $2 AND "public"."t"."id" > $3) OR "public"."t"."updated" > $4) ORDER BY "public"."t"."updated","public"."t"."id" ASC',
    );
    expect(queryParameters({ incrementing: inc, timestamps: ts }, values, UTC_ZONE)).toEqual([
      '2024-01-01 00:01:00.000000+00:00',
      '2024-01-01 00:00:00.000123+00:00',
      '41',
      '2024-01-01 00:00:00.000123+00:00',
    ]);
  });

  it('builds the incrementing clause', () => {
    expect(whereClause({ incrementing: inc, timestamps: [] })).toBe(' WHERE "public"."t"."id" > $1 ORDER BY "public"."t"."id" ASC');
    expect(queryParameters({ incrementing: inc, timestamps: [] }, values, UTC_ZONE)).toEqual(['41']);
  });

  it('builds the timestamp clause with COALESCE over several columns', () => {
    expect(whereClause({ incrementing: null, timestamps: ['"a"', '"b"'] })).toBe(' WHERE COALESCE("a","b") > $1 AND COALESCE("a","b") < $2 ORDER BY COALESCE("a","b") ASC');
  });

  it('renders timestamp parameters as wall clock time in db.timezone with its offset', () => {
    const zone = parseJavaZoneId('Asia/Kolkata');
    if (!zone) throw new Error('zone');
    expect(queryParameters({ incrementing: null, timestamps: ts }, values, zone)[0]).toBe('2024-01-01 05:30:00.000123+05:30');
  });
});
