/**
 * What Confluent's dialect learns about a result column from pgjdbc's ResultSetMetaData: the JDBC
 * type pgjdbc reports for the PostgreSQL type, precision and scale from the type modifier,
 * nullability (NOT NULL columns of a table are required; computed columns are "unknown", hence
 * optional) and whether the column is auto-incrementing (identity or a nextval default).
 */
import type pg from 'pg';

export type JdbcType =
  | 'BIT' | 'SMALLINT' | 'INTEGER' | 'BIGINT' | 'REAL' | 'DOUBLE' | 'NUMERIC' | 'CHAR' | 'VARCHAR' | 'BINARY'
  | 'DATE' | 'TIME' | 'TIMESTAMP' | 'SQLXML' | 'OTHER' | 'ARRAY' | 'DISTINCT' | 'STRUCT';

export interface ColumnDefinition {
  /** The column label: the field name. */
  readonly name: string;
  readonly typeOid: number;
  readonly typeName: string;
  readonly jdbcType: JdbcType;
  readonly precision: number;
  readonly scale: number;
  readonly optional: boolean;
  readonly autoIncrement: boolean;
}

/** PostgreSQL's built-in types: name and the java.sql.Types pgjdbc reports. */
const BUILTIN: ReadonlyMap<number, [string, JdbcType]> = new Map([
  [16, ['bool', 'BIT']], [17, ['bytea', 'BINARY']], [18, ['char', 'CHAR']], [19, ['name', 'VARCHAR']], [20, ['int8', 'BIGINT']],
  [21, ['int2', 'SMALLINT']], [23, ['int4', 'INTEGER']], [25, ['text', 'VARCHAR']], [26, ['oid', 'BIGINT']], [114, ['json', 'OTHER']],
  [142, ['xml', 'SQLXML']], [700, ['float4', 'REAL']], [701, ['float8', 'DOUBLE']], [790, ['money', 'DOUBLE']], [1042, ['bpchar', 'CHAR']],
  [1043, ['varchar', 'VARCHAR']], [1082, ['date', 'DATE']], [1083, ['time', 'TIME']], [1114, ['timestamp', 'TIMESTAMP']], [1184, ['timestamptz', 'TIMESTAMP']],
  [1186, ['interval', 'OTHER']], [1266, ['timetz', 'TIME']], [1560, ['bit', 'BIT']], [1562, ['varbit', 'OTHER']], [1700, ['numeric', 'NUMERIC']],
  [2950, ['uuid', 'OTHER']], [3802, ['jsonb', 'OTHER']],
]);

const TYPE_INFO = `SELECT oid::int AS oid, typname, typtype, typcategory FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])`;
const COLUMN_INFO = `SELECT a.attrelid::int AS relid, a.attnum::int AS attnum,
    a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) AS notnull,
    (a.attidentity <> '' OR COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%', false)) AS autoinc
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  JOIN unnest($1::oid[], $2::int2[]) AS want(relid, attnum) ON a.attrelid = want.relid AND a.attnum = want.attnum`;

/** Definitions of the result columns, in order (two catalog queries at most). */
export async function describeColumns(client: pg.ClientBase, fields: readonly pg.FieldDef[]): Promise<ColumnDefinition[]> {
  const unknownTypes = [...new Set(fields.map((f) => f.dataTypeID).filter((oid) => !BUILTIN.has(oid)))];
  const types = new Map<number, [string, JdbcType]>();
  if (unknownTypes.length > 0) {
    const rows = (await client.query<{ oid: number; typname: string; typtype: string; typcategory: string }>(TYPE_INFO, [unknownTypes])).rows;
    for (const row of rows) types.set(row.oid, [row.typname, jdbcTypeOf(row.typtype, row.typcategory)]);
  }
  const tableColumns = fields.filter((f) => f.tableID !== 0);
  const columns = new Map<string, { notnull: boolean; autoinc: boolean }>();
  if (tableColumns.length > 0) {
    const rows = (await client.query<{ relid: number; attnum: number; notnull: boolean; autoinc: boolean }>(COLUMN_INFO, [tableColumns.map((f) => f.tableID), tableColumns.map((f) => f.columnID)])).rows;
    for (const row of rows) columns.set(`${row.relid}:${row.attnum}`, row);
  }
  return fields.map((field) => {
    const [typeName, jdbcType] = BUILTIN.get(field.dataTypeID) ?? types.get(field.dataTypeID) ?? ['unknown', 'OTHER'];
    const column = field.tableID === 0 ? undefined : columns.get(`${field.tableID}:${field.columnID}`);
    const [precision, scale] = precisionAndScale(field.dataTypeID, field.dataTypeModifier);
    return { name: field.name, typeOid: field.dataTypeID, typeName, jdbcType, precision, scale, optional: !(column?.notnull ?? false), autoIncrement: column?.autoinc ?? false };
  });
}

/** pgjdbc's TypeInfoCache.getSQLType for non-built-in types. */
function jdbcTypeOf(typtype: string, typcategory: string): JdbcType {
  if (typcategory === 'A') return 'ARRAY';
  if (typtype === 'c') return 'STRUCT';
  if (typtype === 'd') return 'DISTINCT';
  if (typtype === 'e') return 'VARCHAR';
  return 'OTHER';
}

/** pgjdbc's getPrecision/getScale for the types whose mapping depends on them. */
function precisionAndScale(oid: number, typmod: number): [number, number] {
  if (oid === 1700) return typmod === -1 ? [0, 0] : [((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff];
  if (oid === 16) return [1, 0];
  if (oid === 1560) return [typmod, 0];
  return [0, 0];
}
