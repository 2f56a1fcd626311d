import { BigDecimal } from '#lib/data/index';
import { decimalToFloat32 } from '#lib/data/float32-interval';
import { decodeBase64 } from './base64';
import { JsonDecimal, type JsonValue } from './json-value';

/**
 * Jackson's JsonNode accessors, which Kafka's JsonConverter relies on and which do not check the node
 * type: numeric accessors truncate and wrap (intValue of 2^32 + 1 is 1; of 2.9 is 2) and give 0 for
 * non-numbers, textValue is null for non-strings, binaryValue decodes base64 strings and is null for
 * other nodes.
 */
export function longValue(node: JsonValue | undefined): bigint {
  if (typeof node === 'number') return BigInt(Math.trunc(node));
  if (typeof node === 'bigint') return BigInt.asIntN(64, node);
  if (node instanceof JsonDecimal) return BigInt.asIntN(64, truncate(node.text));
  return 0n;
}

export function intValue(node: JsonValue | undefined): number {
  if (typeof node === 'number' && node >= -2147483648 && node <= 2147483647) return Math.trunc(node);
  return Number(BigInt.asIntN(32, longValue(node)));
}

export function doubleValue(node: JsonValue | undefined): number {
  if (typeof node === 'number') return node;
  if (typeof node === 'bigint') return Number(node);
  if (node instanceof JsonDecimal) return node.double;
  return 0;
}

/** `floatValue()`: correctly rounded to float32 from the literal. */
export function floatValue(node: JsonValue | undefined): number {
  if (node instanceof JsonDecimal) return decimalToFloat32(node.text);
  if (typeof node === 'bigint') return decimalToFloat32(node.toString());
  return Math.fround(doubleValue(node));
}

export function textValue(node: JsonValue | undefined): string | null {
  return typeof node === 'string' ? node : null;
}

export function binaryValue(node: JsonValue | undefined): Uint8Array | null {
  return typeof node === 'string' ? decodeBase64(node) : null;
}

/** `decimalValue()`: integers at scale 0, decimal literals exactly as written. */
export function decimalValue(node: number | bigint | JsonDecimal): BigDecimal {
  if (node instanceof JsonDecimal) return BigDecimal.parse(node.text);
  return new BigDecimal(BigInt(node), 0);
}

/** IntNode: an integral literal within 32 bits. */
export function isInt(node: JsonValue | undefined): node is number {
  return typeof node === 'number' && node >= -2147483648 && node <= 2147483647;
}

export function isIntegral(node: JsonValue | undefined): node is number | bigint {
  return typeof node === 'number' || typeof node === 'bigint';
}

/** The integer part of a decimal literal, exactly (BigDecimal.toBigInteger). */
function truncate(text: string): bigint {
  const d = BigDecimal.parse(text);
  // Only the low 64 bits matter: 10^64 is a multiple of 2^64, and a scale beyond the digits truncates to 0.
  if (d.scale <= -64 || d.scale > d.precision()) return 0n;
  if (d.scale <= 0) return d.unscaled * 10n ** BigInt(-d.scale);
  return d.unscaled / 10n ** BigInt(d.scale);
}
