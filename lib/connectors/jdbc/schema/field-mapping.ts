/**
 * Confluent's PostgreSqlDatabaseDialect.addFieldToSchema / columnConverterFor: the Connect schema
 * and value reader of a result column, or null for the types Confluent leaves out (intervals,
 * arrays, network and geometric types, domains, composites, bit strings longer than 8, …).
 * NUMERIC follows `numeric.mapping`; an unconstrained NUMERIC has pgjdbc's precision 0, so it is a
 * Decimal with scale 127, or, under precision_only/best_fit, an INT8 (as in Confluent).
 */
import { ConnectDate, ConnectTime, ConnectTimestamp } from '#lib/data/connect-temporal';
import { ConnectDecimal } from '#lib/data/connect-decimal';
import type { Schema as SchemaType } from '#lib/data/schema';
import type { SchemaBuilder } from '#lib/data/schema-builder';
import { Schema } from '#lib/data/schemas';
import type { NumericMapping, TimestampGranularity } from '../config/config-keys';
import type { CalendarSystem } from '../temporal/civil-calendar';
import type { JavaZone } from '../temporal/java-zone';
import type { ColumnDefinition } from './column-definition';
import * as r from './value-readers';

export interface FieldMappingOptions {
  numericMapping: NumericMapping;
  timestampGranularity: TimestampGranularity;
  zone: JavaZone;
  calendar: CalendarSystem;
}

export interface FieldMapping {
  schema: SchemaType;
  read: r.ValueReader;
}

const MAX_INTEGER_TYPE_PRECISION = 18;
const NUMERIC_TYPE_SCALE_LOW = -84;
const NUMERIC_TYPE_SCALE_HIGH = 127;
const PRECISION_FIELD = 'connect.decimal.precision';

type Primitive = 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64' | 'BOOLEAN' | 'STRING' | 'BYTES';

function primitive(type: Primitive, optional: boolean): SchemaType {
  return Schema[`${optional ? 'OPTIONAL_' : ''}${type}_SCHEMA`];
}

function logical(builder: SchemaBuilder, optional: boolean): SchemaType {
  return (optional ? builder.optional() : builder).build();
}

export function fieldMapping(column: ColumnDefinition, options: FieldMappingOptions): FieldMapping | null {
  const opt = column.optional;
  switch (column.jdbcType) {
    case 'BIT':
      // bit(n>1): Confluent reads the bit string with getByte/getBytes, which yields no meaningful value; left out.
      return column.precision <= 1 ? { schema: primitive('BOOLEAN', opt), read: r.readBoolean } : null;
    case 'SMALLINT':
      return { schema: primitive('INT16', opt), read: r.readSmallInt };
    case 'INTEGER':
      return { schema: primitive('INT32', opt), read: r.readSmallInt };
    case 'BIGINT':
      return { schema: primitive('INT64', opt), read: r.readInt64 };
    case 'REAL':
      return { schema: primitive('FLOAT32', opt), read: r.readFloat32 };
    case 'DOUBLE':
      return { schema: primitive('FLOAT64', opt), read: column.typeName === 'money' ? r.readMoney : r.readFloat64 };
    case 'NUMERIC':
      return numericMapping(column, options.numericMapping);
    case 'CHAR':
    case 'VARCHAR':
    case 'SQLXML':
      return { schema: primitive('STRING', opt), read: r.readString };
    case 'BINARY':
      return { schema: primitive('BYTES', opt), read: r.readBytes };
    case 'DATE':
      return { schema: logical(ConnectDate.builder(), opt), read: r.dateReader(options.calendar) };
    case 'TIME':
      return { schema: logical(ConnectTime.builder(), opt), read: r.timeReader(options.zone) };
    case 'TIMESTAMP':
      return { schema: timestampSchema(options.timestampGranularity, opt), read: r.timestampReader(options.timestampGranularity, options.zone, options.calendar) };
    case 'OTHER':
      if (column.typeName === 'json' || column.typeName === 'jsonb' || column.typeName === 'uuid') return { schema: primitive('STRING', opt), read: r.readString };
      return null;
    default:
      return null;
  }
}

function numericMapping(column: ColumnDefinition, mapping: NumericMapping): FieldMapping {
  const { precision, scale, optional } = column;
  const integral = scale < 1 && scale >= NUMERIC_TYPE_SCALE_LOW;
  if (mapping === 'precision_only' && scale === 0 && precision <= MAX_INTEGER_TYPE_PRECISION) return integer(precision, optional);
  if (mapping === 'best_fit' && precision <= MAX_INTEGER_TYPE_PRECISION) {
    if (integral) return integer(precision, optional);
    if (scale > 0) return { schema: primitive('FLOAT64', optional), read: r.readFloat64 };
  }
  if (mapping === 'best_fit_eager_double') {
    if (integral && precision <= MAX_INTEGER_TYPE_PRECISION) return integer(precision, optional);
    if (scale > 0) return { schema: primitive('FLOAT64', optional), read: r.readFloat64 };
  }
  const decimalScale = precision === 0 && scale === 0 ? NUMERIC_TYPE_SCALE_HIGH : scale;
  const builder = ConnectDecimal.builder(decimalScale).parameter(PRECISION_FIELD, String(precision));
  return { schema: logical(builder, optional), read: r.decimalReader(decimalScale) };
}

function integer(precision: number, optional: boolean): FieldMapping {
  const type = precision > 9 ? 'INT64' : precision > 4 ? 'INT32' : precision > 2 ? 'INT16' : 'INT8';
  return { schema: primitive(type, optional), read: r.integralReader(type) };
}

function timestampSchema(granularity: TimestampGranularity, optional: boolean): SchemaType {
  switch (granularity) {
    case 'connect_logical':
      return logical(ConnectTimestamp.builder(), optional);
    case 'micros_long':
    case 'nanos_long':
      return primitive('INT64', optional);
    default:
      return primitive('STRING', optional);
  }
}
