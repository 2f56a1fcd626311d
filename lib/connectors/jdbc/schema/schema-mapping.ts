/**
 * Confluent's SchemaMapping: the value schema of a query's result (a struct named after the table
 * in table mode, unnamed in query mode, one field per supported column, in column order) and the
 * conversion of a row into a Struct. Unsupported columns are left out with a warning, once.
 */
import type { Schema } from '#lib/data/schema';
import { SchemaBuilder } from '#lib/data/schema-builder';
import { Struct } from '#lib/data/struct';
import type { Field } from '#lib/data/field';
import { createLogger } from '#lib/logging/logger';
import type { ColumnDefinition } from './column-definition';
import { fieldMapping, type FieldMappingOptions } from './field-mapping';
import type { ValueReader } from './value-readers';

const log = createLogger('io.confluent.connect.jdbc.dialect.PostgreSqlDatabaseDialect');

export class SchemaMapping {
  readonly schema: Schema;
  readonly columns: readonly ColumnDefinition[];
  readonly #setters: ReadonlyArray<{ column: number; field: Field; read: ValueReader }>;

  constructor(name: string | null, columns: readonly ColumnDefinition[], options: FieldMappingOptions) {
    const builder = SchemaBuilder.struct();
    if (name !== null) builder.name(name);
    const readers: Array<{ column: number; name: string; read: ValueReader }> = [];
    columns.forEach((column, index) => {
      const mapping = fieldMapping(column, options);
      if (mapping === null) {
        log.warn(`JDBC type ${column.jdbcType} (${column.typeName}) not currently supported`, { column: column.name });
        return;
      }
      builder.field(column.name, mapping.schema);
      readers.push({ column: index, name: column.name, read: mapping.read });
    });
    this.schema = builder.build();
    this.columns = columns;
    this.#setters = readers.map(({ column, name, read }) => ({ column, field: this.schema.field(name) as Field, read }));
  }

  /** The row (raw column text, null for SQL NULL) as a Struct of this schema. */
  toStruct(row: readonly unknown[]): Struct {
    const struct = new Struct(this.schema);
    for (const { column, field, read } of this.#setters) {
      const text = row[column];
      struct.put(field, text === null || text === undefined ? null : read(text as string));
    }
    return struct;
  }
}
