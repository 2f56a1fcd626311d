import { DataError } from '#lib/errors';
import { BigDecimal } from './big-decimal';
import { DECIMAL_LOGICAL_NAME, DECIMAL_SCALE_FIELD } from './logical-names';
import type { Schema } from './schema';
import { SchemaBuilder } from './schema-builder';
import { bigIntToBytes, bytesToBigInt } from './two-complement';

/**
 * Kafka's Decimal logical type: BYTES named `org.apache.kafka.connect.data.Decimal`, version 1, with a
 * `scale` parameter. Values are `BigDecimal`s; the wire form is the big-endian two's-complement unscaled value.
 */
export const ConnectDecimal = Object.freeze({
  LOGICAL_NAME: DECIMAL_LOGICAL_NAME,
  SCALE_FIELD: DECIMAL_SCALE_FIELD,

  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes().name(DECIMAL_LOGICAL_NAME).parameter(DECIMAL_SCALE_FIELD, String(scale)).version(1);
  },

  schema(scale: number): Schema {
    return ConnectDecimal.builder(scale).build();
  },

  /** The unscaled bytes; throws a DataError when the value's scale differs from the schema's. */
  fromLogical(schema: Schema, value: BigDecimal): Uint8Array {
    const schemaScale = ConnectDecimal.scale(schema);
    if (value.scale !== schemaScale) {
      throw new DataError(
        'Decimal value has mismatching scale for given Decimal schema. ' +
          `Schema has scale ${schemaScale}, value has scale ${value.scale}.`,
      );
    }
    return bigIntToBytes(value.unscaled);
  },

  toLogical(schema: Schema, bytes: Uint8Array): BigDecimal {
    if (bytes.length === 0) throw new DataError('Zero length BigInteger');
    return new BigDecimal(bytesToBigInt(bytes), ConnectDecimal.scale(schema));
  },

  /** The schema's scale parameter (Java's Integer.parseInt rules). */
  scale(schema: Schema): number {
    const text = schema.parameters?.get(DECIMAL_SCALE_FIELD);
    if (text === undefined) throw new DataError('Invalid Decimal schema: scale parameter not found.');
    const scale = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(scale) || scale < -(2 ** 31) || scale > 2 ** 31 - 1) {
      throw new DataError('Invalid scale parameter found in Decimal schema: ');
    }
    return scale;
  },
});
