import { Schema } from '#lib/data/index';

/** One of Kafka's fixed-width serializers (IntegerSerializer, …): big-endian bytes of one Java type. */
export interface NumberCodec {
  /** The class simple name, e.g. `IntegerConverter`. */
  readonly className: string;
  /** How Kafka's messages name the type, e.g. `integer`. */
  readonly typeName: string;
  readonly schema: Schema;
  readonly size: number;
  /** The deserializer's size error, as Kafka words it. */
  readonly sizeMessage: string;
  /** Whether a value is an instance of the Java type (else Kafka's cast fails). */
  accepts(value: unknown): boolean;
  write(view: DataView, value: unknown): void;
  read(view: DataView): unknown;
}

const isIntIn = (min: number, max: number) => (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export const NUMBER_CODECS: readonly NumberCodec[] = [
  {
    className: 'ShortConverter', typeName: 'short', schema: Schema.OPTIONAL_INT16_SCHEMA, size: 2,
    sizeMessage: 'Size of data received by ShortDeserializer is not 2',
    accepts: isIntIn(-32768, 32767), write: (d, v) => d.setInt16(0, v as number), read: (d) => d.getInt16(0),
  },
  {
    className: 'IntegerConverter', typeName: 'integer', schema: Schema.OPTIONAL_INT32_SCHEMA, size: 4,
    sizeMessage: 'Size of data received by IntegerDeserializer is not 4',
    accepts: isIntIn(-2147483648, 2147483647), write: (d, v) => d.setInt32(0, v as number), read: (d) => d.getInt32(0),
  },
  {
    className: 'LongConverter', typeName: 'long', schema: Schema.OPTIONAL_INT64_SCHEMA, size: 8,
    sizeMessage: 'Size of data received by LongDeserializer is not 8',
    accepts: (v) => (typeof v === 'bigint' ? BigInt.asIntN(64, v) === v : Number.isSafeInteger(v)),
    write: (d, v) => d.setBigInt64(0, BigInt(v as bigint | number)), read: (d) => d.getBigInt64(0),
  },
  {
    className: 'FloatConverter', typeName: 'float', schema: Schema.OPTIONAL_FLOAT32_SCHEMA, size: 4,
    sizeMessage: 'Size of data received by Deserializer is not 4',
    accepts: (v) => typeof v === 'number', write: (d, v) => d.setFloat32(0, v as number), read: (d) => d.getFloat32(0),
  },
  {
    className: 'DoubleConverter', typeName: 'double', schema: Schema.OPTIONAL_FLOAT64_SCHEMA, size: 8,
    sizeMessage: 'Size of data received by Deserializer is not 8',
    accepts: (v) => typeof v === 'number', write: (d, v) => d.setFloat64(0, v as number), read: (d) => d.getFloat64(0),
  },
];
