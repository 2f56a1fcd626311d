/** Which TimestampConverter representation a value has, from its schema or its JS type. */
import { javaClassName } from '#lib/data/java-class';
import { DATE_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import type { Schema } from '#lib/data/schema';
import { DataError } from '#lib/errors';
import type { TimestampType } from './timestamp-translators';

/** Kafka throws a ConnectException here; a DataError is its data-level equivalent. */
export function timestampTypeFromSchema(schema: Schema): TimestampType {
  if (schema.name === TIMESTAMP_LOGICAL_NAME) return 'Timestamp';
  if (schema.name === DATE_LOGICAL_NAME) return 'Date';
  if (schema.name === TIME_LOGICAL_NAME) return 'Time';
  if (schema.type === 'STRING') return 'string';
  if (schema.type === 'INT64') return 'unix';
  throw new DataError(`Schema ${schema.toString()} does not correspond to a known timestamp type format`);
}

/** Dates are Timestamps (Date/Time/Timestamp look alike at runtime), Longs are unix times, strings are strings. */
export function inferTimestampType(timestamp: unknown): TimestampType {
  if (timestamp instanceof Date) return 'Timestamp';
  if (typeof timestamp === 'bigint' || (typeof timestamp === 'number' && Number.isSafeInteger(timestamp))) return 'unix';
  if (typeof timestamp === 'string') return 'string';
  throw new DataError(`TimestampConverter does not support class ${javaClassName(timestamp)} objects as timestamps`);
}
