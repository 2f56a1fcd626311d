import { BigDecimal } from './big-decimal';
import { Struct } from './struct';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * The Java class Kafka would report for a value, e.g. `class java.lang.String`, so that DataError
 * messages read exactly as Kafka's DataException messages do. Integral numbers report Integer (or Long
 * beyond 32 bits), other numbers Double, bigints Long (or BigInteger beyond 64 bits).
 */
export function javaClassOf(value: unknown): string {
  return `class ${javaClassName(value)}`;
}

export function javaClassName(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'bigint':
      return value >= INT64_MIN && value <= INT64_MAX ? 'java.lang.Long' : 'java.math.BigInteger';
    case 'number':
      if (!Number.isInteger(value)) return 'java.lang.Double';
      return value >= INT32_MIN && value <= INT32_MAX ? 'java.lang.Integer' : 'java.lang.Long';
    default:
      break;
  }
  if (value instanceof Uint8Array) return '[B';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Map) return 'java.util.HashMap';
  if (value instanceof Struct) return 'org.apache.kafka.connect.data.Struct';
  if (value instanceof Date) return 'java.util.Date';
  if (value instanceof BigDecimal) return 'java.math.BigDecimal';
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'java.lang.Object';
  return 'java.lang.Object';
}
