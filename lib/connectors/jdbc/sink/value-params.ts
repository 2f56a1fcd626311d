/**
 * Confluent's `bindField` for PostgreSQL as statement parameter texts (node-postgres sends them
 * untyped; the server reads them as the column's type): integers and INT64 bigints exactly,
 * floats as the shortest round-trip text (float32 values as their exact double), booleans,
 * strings, bytes as `\x` hex, Decimal via BigDecimal.toString, Date/Time/Timestamp as pgjdbc
 * renders them with the `db.timezone` (or `date.timezone`) calendar, INT64/STRING fields of
 * timestamp.fields.list as epoch micros or nanos, arrays of primitives as array literals.
 * Binders are built once per field schema; MAP, STRUCT and other arrays are not supported.
 */
import { BigDecimal } from '#lib/data/big-decimal';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import type { Schema } from '#lib/data/schema';
import { DataError } from '#lib/errors';
import type { CalendarSystem } from '../temporal/civil-calendar';
import type { JavaZone } from '../temporal/java-zone';
import { timestampMillisParam, timestampParam } from '../temporal/jdbc-temporal';
import { dateParam, timeParam } from '../temporal/temporal-params';
import type { TimestampPrecisionMode } from './jdbc-sink-keys';

export interface BindSettings {
  zone: JavaZone;
  dateZone: JavaZone;
  calendar: CalendarSystem;
  timestampFields: ReadonlySet<string>;
  timestampPrecision: TimestampPrecisionMode;
}

/** A value of the field's schema → parameter text, or null for SQL NULL. */
export type ParamBinder = (value: unknown) => string | null;

const ARRAY_ELEMENT_TYPES = new Set(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING']);

export function paramBinder(schema: Schema, fieldName: string, settings: BindSettings): ParamBinder {
  const bind = nonNullBinder(schema, fieldName, settings);
  return (value) => (value === null || value === undefined ? null : bind(value));
}

function nonNullBinder(schema: Schema, fieldName: string, s: BindSettings): (value: unknown) => string {
  switch (schema.name) {
    case DATE_LOGICAL_NAME:
      return (value) => dateParam(millisOf(value), s.dateZone, s.calendar);
    case DECIMAL_LOGICAL_NAME:
      return (value) => (value instanceof BigDecimal ? value.toString() : String(value));
    case TIME_LOGICAL_NAME:
      return (value) => timeParam(millisOf(value), s.zone);
    case TIMESTAMP_LOGICAL_NAME:
      return (value) => timestampMillisParam(millisOf(value), s.zone, s.calendar);
    default:
      break;
  }
  const epochTimestamp = (schema.type === 'INT64' || schema.type === 'STRING') && s.timestampFields.has(fieldName);
  if (epochTimestamp) return (value) => timestampParam(epochMicros(value, s.timestampPrecision), s.zone, s.calendar);
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
    case 'STRING':
      return String;
    case 'BOOLEAN':
      return (value) => (value ? 'true' : 'false');
    case 'BYTES':
      return (value) => `\\x${Buffer.from((value as Uint8Array).buffer, (value as Uint8Array).byteOffset, (value as Uint8Array).byteLength).toString('hex')}`;
    case 'ARRAY': {
      const element = schema.valueSchema;
      if (element !== undefined && element.name === undefined && ARRAY_ELEMENT_TYPES.has(element.type)) return (value) => arrayLiteral(value, element.type === 'BOOLEAN');
      break;
    }
    default:
      break;
  }
  return () => {
    throw new DataError(`Unsupported source data type: ${schema.type}`);
  };
}

function millisOf(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

/** timestamp.fields.list: a Long or numeric String of epoch micros or nanos; nanos round to micros as pgjdbc does. */
function epochMicros(value: unknown, precision: TimestampPrecisionMode): bigint {
  let n: bigint;
  try {
    n = BigInt(typeof value === 'string' ? value.trim() : (value as bigint | number));
  } catch {
    throw new DataError(`For input string: "${String(value)}"`);
  }
  if (precision === 'microseconds') return n;
  const micros = n / 1000n;
  const rest = n - micros * 1000n;
  return rest >= 500n ? micros + 1n : rest < -500n ? micros - 1n : micros;
}

/** A PostgreSQL array literal: `{"a","b",NULL}` (elements quoted and escaped). */
function arrayLiteral(value: unknown, booleans: boolean): string {
  if (!Array.isArray(value)) throw new DataError(`Type '${typeof value}' is not supported for Array.`);
  const items = value.map((item: unknown) => {
    if (item === null || item === undefined) return 'NULL';
    const text = booleans ? (item ? 'true' : 'false') : String(item);
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}
