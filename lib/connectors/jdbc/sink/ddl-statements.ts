/**
 * The DDL of Confluent's GenericDatabaseDialect for PostgreSQL: `CREATE TABLE t (\ncol TYPE
 * NULL|NOT NULL|DEFAULT v,…,\nPRIMARY KEY(k,…))` and `ALTER TABLE t ADD col …` (one statement,
 * one ADD per missing field). A column with a schema default gets `DEFAULT <literal>`, otherwise
 * NULL unless it is a key or a required field. String literals are escaped (Confluent's are not).
 */
import { BigDecimal } from '#lib/data/big-decimal';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '#lib/data/logical-names';
import { DataError } from '#lib/errors';
import { formatTableId, quoteIdentifier, type QuoteMethod, type TableId } from '../tables/table-id';
import { dateLiteral, timeLiteral, timestampLiteral } from '../temporal/temporal-params';
import type { JavaZone } from '../temporal/java-zone';
import { isOptionalField, type SinkRecordField } from './sink-record-field';
import { sqlTypeOf } from './sql-types';

export interface DdlSettings {
  quote: QuoteMethod;
  zone: JavaZone;
  dateZone: JavaZone;
  timestampFields: ReadonlySet<string>;
}

export function createTableSql(table: TableId, fields: readonly SinkRecordField[], s: DdlSettings): string {
  const columns = fields.map((f) => `\n${columnSpec(f, s)}`).join(',');
  const keys = fields.filter((f) => f.primaryKey).map((f) => quoteIdentifier(f.name, s.quote));
  const primaryKey = keys.length === 0 ? '' : `,\nPRIMARY KEY(${keys.join(',')})`;
  return `CREATE TABLE ${formatTableId(table, s.quote)} (${columns}${primaryKey})`;
}

export function alterTableSql(table: TableId, missing: readonly SinkRecordField[], s: DdlSettings): string {
  const newline = missing.length > 1 ? '\n' : '';
  return `ALTER TABLE ${formatTableId(table, s.quote)} ${missing.map((f) => `${newline}ADD ${columnSpec(f, s)}`).join(',')}`;
}

function columnSpec(field: SinkRecordField, s: DdlSettings): string {
  const head = `${quoteIdentifier(field.name, s.quote)} ${sqlTypeOf(field, s.timestampFields)}`;
  const defaultValue: unknown = field.schema.defaultValue;
  if (defaultValue !== undefined && defaultValue !== null) return `${head} DEFAULT ${literal(field, defaultValue, s)}`;
  return `${head} ${isOptionalField(field) ? 'NULL' : 'NOT NULL'}`;
}

/** formatColumnValue of PostgreSqlDatabaseDialect. */
function literal(field: SinkRecordField, value: unknown, s: DdlSettings): string {
  const { schema } = field;
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return value instanceof BigDecimal ? value.toString() : String(value);
    case DATE_LOGICAL_NAME:
      return quoted(dateLiteral(millis(value), s.dateZone));
    case TIME_LOGICAL_NAME:
      return quoted(timeLiteral(millis(value), s.zone));
    case TIMESTAMP_LOGICAL_NAME:
      return quoted(timestampLiteral(millis(value), s.zone));
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
      return String(value);
    case 'BOOLEAN':
      return value ? 'TRUE' : 'FALSE';
    case 'STRING':
      return quoted(String(value));
    case 'BYTES':
      return quoted(`\\x${Buffer.from(value as Uint8Array).toString('hex')}`);
    case 'ARRAY':
      return arrayLiteral(value);
    default:
      throw new DataError(`Unsupported type for column value: ${schema.type}`);
  }
}

function arrayLiteral(value: unknown): string {
  if (!Array.isArray(value)) throw new DataError(`Unsupported type for array value: ${typeof value}`);
  const items = value.map((item: unknown) => {
    if (item === null || item === undefined) return 'NULL';
    if (typeof item === 'string') return quoted(item);
    if (typeof item === 'number' || typeof item === 'bigint') return String(item);
    if (typeof item === 'boolean') return item ? 'TRUE' : 'FALSE';
    throw new DataError(`Unsupported type for array item: ${typeof item}`);
  });
  return `ARRAY[${items.join(',')}]`;
}

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function millis(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}
