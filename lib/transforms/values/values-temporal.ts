/**
 * How `Values.parseString` recognises temporal literals by their length: `HH:mm:ss.SSS'Z'` (Time),
 * `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` (Timestamp) and `yyyy-MM-dd` (Date), parsed leniently in UTC;
 * escaped colons (`\:`) count as colons.
 */
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import type { Schema } from '#lib/data/schema';
import { SchemaAndValue } from '#lib/data/schema-and-value';
import { SimpleDateFormat } from '../date-format/simple-date-format';

const TIME = new SimpleDateFormat("HH:mm:ss.SSS'Z'");
const TIMESTAMP = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
const DATE = new SimpleDateFormat('yyyy-MM-dd');

export function parseAsTemporal(text: string | null): SchemaAndValue | null {
  if (text === null) return null;
  const token = text.replaceAll('\\:', ':');
  switch (token.length) {
    case 13:
      return parseAs(token, ConnectTime.SCHEMA, TIME);
    case 24:
      return parseAs(token, ConnectTimestamp.SCHEMA, TIMESTAMP);
    case 10:
      return parseAs(token, ConnectDate.SCHEMA, DATE);
    default:
      return null;
  }
}

function parseAs(token: string, schema: Schema, format: SimpleDateFormat): SchemaAndValue | null {
  const date = format.parse(token);
  return date === null ? null : new SchemaAndValue(schema, date);
}
