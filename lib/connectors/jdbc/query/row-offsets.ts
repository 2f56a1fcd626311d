/**
 * Reading a row's position for incremental modes, as Confluent's TimestampIncrementingCriteria
 * does: the timestamp is the first non-null timestamp column (matched case-sensitively, else by a
 * unique case-insensitive match); the incrementing value must be an integral or scale-0 Decimal
 * field. Timestamps are read from the column text at full (microsecond) precision.
 */
import { BigDecimal } from '#lib/data/big-decimal';
import type { Field } from '#lib/data/field';
import type { Struct } from '#lib/data/struct';
import { DataError, InternalError } from '#lib/errors';
import type { JavaZone } from '../temporal/java-zone';
import { timestampMicros } from '../temporal/jdbc-temporal';
import { parseTimestampText } from '../temporal/pg-datetime-text';
import type { SchemaMapping } from '../schema/schema-mapping';

const LONG_MAX = (1n << 63n) - 1n;

export class RowOffsets {
  readonly #timestampColumns: number[];
  readonly #incrementing: Field | null;

  constructor(
    mapping: SchemaMapping,
    timestampColumns: readonly string[],
    incrementingColumn: string | null,
    private readonly zone: JavaZone,
  ) {
    const fieldNames = mapping.schema.fields.map((f) => f.name);
    this.#timestampColumns = timestampColumns.map((name) => {
      const fieldName = caseAdjusted(name, fieldNames);
      const index = mapping.columns.findIndex((c) => c.name === fieldName);
      const column = mapping.columns[index];
      if (column?.jdbcType !== 'TIMESTAMP') throw new DataError(`Timestamp column ${fieldName} has type ${column?.typeName}; timestamp columns must be of type timestamp or timestamptz`);
      return index;
    });
    if (incrementingColumn === null) this.#incrementing = null;
    else {
      const field = mapping.schema.field(incrementingColumn);
      if (!field) throw new DataError(`Incrementing column ${incrementingColumn} not found in ${fieldNames.join(',')}`);
      this.#incrementing = field;
    }
  }

  /** Epoch micros (legacy calendar) of the row's first non-null timestamp column, or null. */
  timestamp(row: readonly unknown[]): bigint | null {
    for (const index of this.#timestampColumns) {
      const text = row[index];
      if (text !== null && text !== undefined) return timestampMicros(parseTimestampText(text as string), this.zone, 'LEGACY');
    }
    return null;
  }

  incrementing(struct: Struct): bigint | null {
    const field = this.#incrementing;
    if (field === null) return null;
    const value = struct.get(field);
    if (value === null || value === undefined) throw new InternalError(`Null value for incrementing column of type: ${field.schema.type}`);
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number' && field.schema.type !== 'FLOAT32' && field.schema.type !== 'FLOAT64') return BigInt(value);
    if (value instanceof BigDecimal) {
      if (value.compareTo(BigDecimal.fromBigInt(LONG_MAX)) > 0) throw new InternalError('Decimal value for incrementing column exceeded Long.MAX_VALUE');
      if (value.scale !== 0) throw new InternalError('Scale of Decimal value for incrementing column must be 0');
      return value.unscaled;
    }
    throw new InternalError(`Invalid type for incrementing column: ${field.schema.type}`);
  }
}

function caseAdjusted(name: string, fieldNames: readonly string[]): string {
  if (fieldNames.includes(name)) return name;
  const matches = fieldNames.filter((f) => f.toLowerCase() === name.toLowerCase());
  if (matches.length === 0) throw new DataError(`Timestamp column ${name} not found in ${fieldNames.join(',')}`);
  if (matches.length > 1) {
    throw new DataError(
      `Timestamp column ${name} not found in columns read from database: ${fieldNames.join(',')}. Could not fall back to case-insensitively selecting a column because there were multiple columns whose names case-insensitively matched the specified name: ${matches.join(',')}. ` +
        'To force the connector to choose between these columns, specify a value for the timestamp column configuration property that matches the desired column case-sensitively.',
    );
  }
  return matches[0] as string;
}
