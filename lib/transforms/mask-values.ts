/**
 * MaskField's replacement values, keyed like Kafka's by the Java class of the value being masked:
 * the type's "null value" (`PRIMITIVE_VALUE_MAPPING`, lists and maps emptied) or the configured
 * replacement converted as Kafka's `Values.convertTo*` / `new BigDecimal(String)` would.
 */
import { BigDecimal } from '#lib/data/big-decimal';
import type { Schema } from '#lib/data/schema';
import { DataError } from '#lib/errors';
import { byteValue, doubleValue, floatValue, intValue, longValue, NumberFormatError, parseJavaBigDecimal, parseJavaBigInteger, shortValue } from './util/java-numbers';
import { javaClassOfValue } from './util/java-value-class';

/** The masked form of a (non-null) field value; null stays null. */
export function maskedValue(schema: Schema | null, value: unknown, replacement: string | null): unknown {
  if (value === null || value === undefined) return null;
  const javaClass = javaClassOfValue(schema, value);
  return replacement === null ? nullValueOf(javaClass) : replacementAs(javaClass, replacement);
}

function nullValueOf(javaClass: string): unknown {
  switch (javaClass) {
    case 'java.lang.Boolean':
      return false;
    case 'java.lang.Byte':
    case 'java.lang.Short':
    case 'java.lang.Integer':
    case 'java.lang.Float':
    case 'java.lang.Double':
      return 0;
    case 'java.lang.Long':
    case 'java.math.BigInteger':
      return 0n;
    case 'java.math.BigDecimal':
      return new BigDecimal(0n, 0);
    case 'java.util.Date':
      return new Date(0);
    case 'java.lang.String':
      return '';
    case 'java.util.ArrayList':
      return [];
    case 'java.util.HashMap':
      return new Map();
    default:
      throw new DataError(`Cannot mask value of type: class ${javaClass}`);
  }
}

function replacementAs(javaClass: string, replacement: string): unknown {
  switch (javaClass) {
    case 'java.lang.Byte':
      return byteValue(asLong(replacement), false);
    case 'java.lang.Short':
      return shortValue(asLong(replacement), false);
    case 'java.lang.Integer':
      return intValue(asLong(replacement), false);
    case 'java.lang.Long':
      return asLong(replacement);
    case 'java.lang.Float':
      return floatValue(asDecimal(replacement));
    case 'java.lang.Double':
      return doubleValue(asDecimal(replacement));
    case 'java.lang.String':
      return replacement;
    case 'java.math.BigDecimal':
      return parsedOrDataError(replacement, parseJavaBigDecimal);
    case 'java.math.BigInteger':
      return parsedOrDataError(replacement, parseJavaBigInteger);
    default:
      throw new DataError(`Cannot mask value of type class ${javaClass} with custom replacement.`);
  }
}

/** Kafka's `Values.asLong` for a string: `new BigDecimal(s).longValue()`. */
function asLong(text: string): bigint {
  return longValue(asDecimal(text), false);
}

function asDecimal(text: string): BigDecimal {
  try {
    return parseJavaBigDecimal(text);
  } catch (err) {
    throw new DataError(`Unable to convert ${text} (class java.lang.String) to a number`, { cause: err });
  }
}

function parsedOrDataError<T>(text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (err) {
    if (!(err instanceof NumberFormatError)) throw err;
    throw new DataError(`Unable to convert ${text} (class java.lang.String) to number`, { cause: err });
  }
}
