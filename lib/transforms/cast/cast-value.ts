/**
 * Cast's `castValueToType`: one value (with its schema, or inferred from its Java class) to a
 * target type, using Java's conversions: numbers narrow as `byteValue()` … `doubleValue()` do,
 * booleans become 1/0, strings parse as `Integer.parseInt` … `Double.parseDouble` /
 * `Boolean.parseBoolean`, logical Date/Time/Timestamp values cast as their encoded number, and to
 * string: dates in ISO 8601 (UTC), bytes in base64, numbers as Java prints them.
 */
import { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import { javaClassName } from '#lib/data/java-class';
import { DATE_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import type { Schema } from '#lib/data/schema';
import { DataError } from '#lib/errors';
import { schemaTypeOf } from '../util/connect-type-of';
import { byteValue, doubleValue, floatValue, intValue, longValue, NumberFormatError, shortValue, type JavaNumber } from '../util/java-numbers';
import { isFloatingClass, javaClassOfValue } from '../util/java-value-class';
import { checkCastInputType, type CastType } from './cast-spec';
import { castStringTo, castToString } from './cast-text';

export function castValueToType(schema: Schema | null, value: unknown, targetType: CastType): unknown {
  if (value === null || value === undefined) return null;
  const inferredType = schema === null ? schemaTypeOf(value) : schema.type;
  if (inferredType === null) {
    throw new DataError(`Cast transformation was passed a value of type class ${javaClassName(value)} which is not supported by Connect's data API`);
  }
  checkCastInputType(inferredType);
  let javaClass = javaClassOfValue(schema, value);
  let source: unknown = value;
  if (schema !== null && schema.name !== undefined && targetType !== 'STRING') {
    source = encodeLogicalType(schema, value);
    if (source !== value) javaClass = typeof source === 'bigint' ? 'java.lang.Long' : 'java.lang.Integer';
  }
  try {
    return castTo(targetType, source, javaClass);
  } catch (err) {
    if (err instanceof NumberFormatError) {
      throw new DataError(`Value (${String(source)}) was out of range for requested data type`, { cause: err });
    }
    throw err;
  }
}

function encodeLogicalType(schema: Schema, value: unknown): unknown {
  switch (schema.name) {
    case DATE_LOGICAL_NAME:
      return ConnectDate.fromLogical(schema, value as Date);
    case TIME_LOGICAL_NAME:
      return ConnectTime.fromLogical(schema, value as Date);
    case TIMESTAMP_LOGICAL_NAME:
      return ConnectTimestamp.fromLogical(schema, value as Date);
    default:
      return value;
  }
}

function castTo(target: CastType, value: unknown, javaClass: string): unknown {
  if (target === 'STRING') return castToString(value, javaClass);
  if (typeof value === 'string') return castStringTo(target, value);
  if (typeof value === 'boolean') return fromBoolean(target, value);
  if (typeof value !== 'number' && typeof value !== 'bigint' && !(value instanceof BigDecimal)) {
    throw new DataError(`Unexpected type in Cast transformation: class ${javaClass}`);
  }
  const n: JavaNumber = value;
  const floating = isFloatingClass(javaClass);
  switch (target) {
    case 'INT8':
      return byteValue(n, floating);
    case 'INT16':
      return shortValue(n, floating);
    case 'INT32':
      return intValue(n, floating);
    case 'INT64':
      return longValue(n, floating);
    case 'FLOAT32':
      return floatValue(n);
    case 'FLOAT64':
      return doubleValue(n);
    case 'BOOLEAN':
      return longValue(n, floating) !== 0n;
  }
}

function fromBoolean(target: CastType, value: boolean): unknown {
  if (target === 'BOOLEAN') return value;
  if (target === 'INT64') return value ? 1n : 0n;
  return value ? 1 : 0;
}
