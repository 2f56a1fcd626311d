/**
 * Confluent's BufferedRecords for one destination table within one write: records are validated,
 * then buffered while their key and value schemas stay the same; a schema change (or a write after
 * a delete, or batch.size records) flushes the buffer first. Meeting new schemas derives the
 * columns (FieldsMetadata) and creates or amends the table. A flush writes the buffer's
 * non-tombstones, then its tombstones (delete.enabled), each as multi-row statements (see
 * statement-execution.ts) on the writer's connection, inside its transaction.
 */
import type pg from 'pg';
import type { SinkRecord } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import { DataError } from '#lib/errors';
import { formatTableId, type TableId } from '../tables/table-id';
import { createOrAmendIfNecessary, type StructureSettings } from './db-structure';
import { extractFieldsMetadata, type FieldsOptions } from './fields-metadata';
import type { JdbcSinkConfig } from './jdbc-sink-config';
import type { RecordValidator } from './record-validator';
import { rowBinding, type RowBindingOptions } from './row-binding';
import { executeDeletes, executeWrites, type PreparedTable } from './statement-execution';
import { columnTypeOf, type TableDefinitions } from './table-definitions';

export interface WriteContext {
  readonly client: pg.ClientBase;
  readonly config: JdbcSinkConfig;
  readonly definitions: TableDefinitions;
  readonly validator: RecordValidator;
  readonly fields: FieldsOptions;
  readonly binding: RowBindingOptions;
  readonly structure: StructureSettings;
}

export class BufferedRecords {
  readonly #table: TableId;
  readonly #ctx: WriteContext;
  #records: SinkRecord[] = [];
  #keySchema: Schema | null = null;
  #valueSchema: Schema | null = null;
  #prepared: PreparedTable | null = null;
  #deletesInBatch = false;

  constructor(table: TableId, ctx: WriteContext) {
    this.#table = table;
    this.#ctx = ctx;
  }

  /** Buffers the record; returns a promise only when it had to flush or prepare first. */
  add(record: SinkRecord): Promise<void> | undefined {
    const { config } = this.#ctx;
    this.#ctx.validator(record);
    let schemaChanged = false;
    let flushFirst = false;
    if (!sameSchema(this.#keySchema, record.keySchema)) {
      this.#keySchema = record.keySchema;
      schemaChanged = true;
    }
    if (record.valueSchema === null) {
      // A tombstone's missing value schema is not a schema change.
      if (config.deleteEnabled) this.#deletesInBatch = true;
    } else if (sameSchema(this.#valueSchema, record.valueSchema)) {
      // Flush so that a write after a delete of the same row is not undone by the delete.
      flushFirst = config.deleteEnabled && this.#deletesInBatch;
    } else {
      this.#valueSchema = record.valueSchema;
      schemaChanged = true;
    }
    if (flushFirst || schemaChanged || this.#prepared === null) return this.#addSlowly(record, flushFirst, schemaChanged || this.#prepared === null);
    this.#append(record);
    return this.#records.length >= config.batchSize ? this.flush() : undefined;
  }

  async #addSlowly(record: SinkRecord, flushFirst: boolean, prepare: boolean): Promise<void> {
    if (flushFirst) await this.flush();
    if (prepare) {
      await this.flush();
      this.#prepared = await this.#prepare(record.keySchema, record.valueSchema);
    }
    this.#append(record);
    if (this.#records.length >= this.#ctx.config.batchSize) await this.flush();
  }

  #append(record: SinkRecord): void {
    if (record.value === null && this.#ctx.config.deleteEnabled) this.#deletesInBatch = true;
    this.#records.push(record);
  }

  async flush(): Promise<void> {
    const records = this.#records;
    if (records.length === 0 || this.#prepared === null) return;
    this.#records = [];
    this.#deletesInBatch = false;
    const deleteEnabled = this.#ctx.config.deleteEnabled;
    const writes = deleteEnabled ? records.filter((r) => r.value !== null) : records;
    const deletes = deleteEnabled ? records.filter((r) => r.value === null) : [];
    await executeWrites(this.#ctx.client, this.#prepared, writes);
    await executeDeletes(this.#ctx.client, this.#prepared, deletes);
  }

  /** The columns, table structure and parameter extractors for records with these schemas. */
  async #prepare(keySchema: Schema | null, valueSchema: Schema | null): Promise<PreparedTable> {
    const { client, config, definitions } = this.#ctx;
    const fields = extractFieldsMetadata(this.#table.table, this.#ctx.fields, keySchema, valueSchema);
    const definition = await createOrAmendIfNecessary(client, definitions, this.#table, fields, this.#ctx.structure);
    if (config.insertMode === 'upsert' && fields.keyFieldNames.length === 0) {
      throw new DataError(`Write to table '${formatTableId(this.#table, 'always')}' in UPSERT mode requires key field names to be known, check the primary key configuration`);
    }
    if (config.deleteEnabled && fields.keyFieldNames.length === 0) throw new DataError('Require primary keys to support delete');
    return {
      shape: { table: this.#table, keyColumns: fields.keyFieldNames, nonKeyColumns: fields.nonKeyFieldNames, quote: config.quote, columnType: (name) => columnTypeOf(definition, name) },
      binding: rowBinding(fields, keySchema, valueSchema, this.#ctx.binding),
      insertMode: config.insertMode,
      batchSize: Math.max(config.batchSize, 1),
    };
  }
}

/** Objects.equals on schemas; the identity check first, as converters reuse schema objects. */
function sameSchema(a: Schema | null, b: Schema | null): boolean {
  return a === b || (a !== null && b !== null && a.equals(b));
}
