import { DataError } from '#lib/errors';
import { DATE_LOGICAL_NAME, MILLIS_PER_DAY, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from './logical-names';
import type { Schema } from './schema';
import { SchemaBuilder } from './schema-builder';

function checkName(schema: Schema, name: string, what: string): void {
  if (schema.name !== name) throw new DataError(`Requested conversion of ${what} object but the schema does not match.`);
}

function millisOf(value: Date): number {
  const millis = value.getTime();
  if (Number.isNaN(millis)) throw new DataError('Invalid Date value');
  return millis;
}

function dateOf(millis: number): Date {
  const date = new Date(millis);
  if (Number.isNaN(date.getTime())) throw new DataError(`Value out of the range of a JS Date: ${millis}`);
  return date;
}

/** Kafka's Date logical type: INT32 days since the epoch; values are JS Dates at UTC midnight. */
export const ConnectDate = Object.freeze({
  LOGICAL_NAME: DATE_LOGICAL_NAME,
  builder: (): SchemaBuilder => SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1),
  SCHEMA: SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1).build(),

  fromLogical(schema: Schema, value: Date): number {
    checkName(schema, DATE_LOGICAL_NAME, 'Date');
    const millis = millisOf(value);
    if (((millis % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY !== 0) {
      throw new DataError('Kafka Connect Date type should not have any time fields set to non-zero values.');
    }
    return Math.trunc(millis / MILLIS_PER_DAY);
  },

  toLogical(schema: Schema, days: number): Date {
    checkName(schema, DATE_LOGICAL_NAME, 'Date');
    return dateOf(days * MILLIS_PER_DAY);
  },
});

/** Kafka's Time logical type: INT32 milliseconds since midnight; values are JS Dates on 1970-01-01 UTC. */
export const ConnectTime = Object.freeze({
  LOGICAL_NAME: TIME_LOGICAL_NAME,
  builder: (): SchemaBuilder => SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1),
  SCHEMA: SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1).build(),

  fromLogical(schema: Schema, value: Date): number {
    checkName(schema, TIME_LOGICAL_NAME, 'Time');
    const millis = millisOf(value);
    if (millis < 0 || millis > MILLIS_PER_DAY) {
      throw new DataError('Kafka Connect Time type should not have any date fields set to non-zero values.');
    }
    return millis;
  },

  toLogical(schema: Schema, millis: number): Date {
    // Kafka's own message names "Date" here too.
    checkName(schema, TIME_LOGICAL_NAME, 'Date');
    if (millis < 0 || millis > MILLIS_PER_DAY) {
      throw new DataError('Time values must use number of milliseconds greater than 0 and less than 86400000');
    }
    return new Date(millis);
  },
});

/** Kafka's Timestamp logical type: INT64 milliseconds since the epoch; values are JS Dates. */
export const ConnectTimestamp = Object.freeze({
  LOGICAL_NAME: TIMESTAMP_LOGICAL_NAME,
  builder: (): SchemaBuilder => SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1),
  SCHEMA: SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1).build(),

  fromLogical(schema: Schema, value: Date): bigint {
    checkName(schema, TIMESTAMP_LOGICAL_NAME, 'Timestamp');
    return BigInt(millisOf(value));
  },

  toLogical(schema: Schema, millis: bigint | number): Date {
    checkName(schema, TIMESTAMP_LOGICAL_NAME, 'Timestamp');
    return dateOf(Number(millis));
  },
});
