/**
 * How `Values.parseString` reads a number: the smallest integer type that holds it exactly
 * (INT8 … INT64), else FLOAT32 / FLOAT64 when it has a fraction and fits, else a Decimal.
 */
import type { BigDecimal } from '#lib/data/big-decimal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import { SchemaAndValue } from '#lib/data/schema-and-value';
import { Schema } from '#lib/data/schemas';
import { integralPart, parseJavaBigDecimal } from '../util/java-numbers';

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

/** Throws NumberFormatError when the token is not a Java BigDecimal. */
export function parseAsNumber(token: string): SchemaAndValue {
  const decimal = parseJavaBigDecimal(token);
  const exact = parseAsExactInteger(decimal);
  if (exact !== null) return exact;
  const double = decimal.toNumber();
  const float = Math.fround(double);
  if (Number.isFinite(float) && decimal.scale !== 0) return new SchemaAndValue(Schema.FLOAT32_SCHEMA, float);
  if (Number.isFinite(double) && decimal.scale !== 0) return new SchemaAndValue(Schema.FLOAT64_SCHEMA, double);
  return new SchemaAndValue(ConnectDecimal.schema(decimal.scale), decimal);
}

function parseAsExactInteger(decimal: BigDecimal): SchemaAndValue | null {
  const integral = integralPart(decimal);
  if (!isWhole(decimal, integral)) return null;
  if (integral < LONG_MIN || integral > LONG_MAX) return null;
  if (integral >= -128n && integral <= 127n) return new SchemaAndValue(Schema.INT8_SCHEMA, Number(integral));
  if (integral >= -32768n && integral <= 32767n) return new SchemaAndValue(Schema.INT16_SCHEMA, Number(integral));
  if (integral >= -2147483648n && integral <= 2147483647n) return new SchemaAndValue(Schema.INT32_SCHEMA, Number(integral));
  return new SchemaAndValue(Schema.INT64_SCHEMA, integral);
}

function isWhole(decimal: BigDecimal, integral: bigint): boolean {
  if (decimal.scale <= 0) return true;
  return integral * 10n ** BigInt(decimal.scale) === decimal.unscaled;
}
