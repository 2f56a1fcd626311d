/**
 * Confluent's DbStructure.createOrAmendIfNecessary, inside the writer's transaction: a missing
 * table is created (auto.create), missing columns are added as nullable or defaulted columns
 * (auto.evolve; columns are never dropped or changed), otherwise Confluent's
 * TableAlterOrCreateException messages. Each DDL statement runs under a savepoint so that losing a
 * race with another task (the table or column appeared meanwhile) only means reading the catalog
 * again; PostgreSQL's transactional DDL means a failed batch leaves no half-made table behind.
 */
import type pg from 'pg';
import { createLogger } from '#lib/logging/logger';
import { formatTableId, type TableId } from '../tables/table-id';
import { alterTableSql, createTableSql, type DdlSettings } from './ddl-statements';
import { TABLE_TYPES } from './jdbc-sink-keys';
import { describeField, isOptionalField, type FieldsMetadata, type SinkRecordField } from './sink-record-field';
import { javaList, sinkWriteError, TableAlterOrCreateError } from './sink-errors';
import type { TableDefinition, TableDefinitions } from './table-definitions';

const log = createLogger('io.confluent.connect.jdbc.sink.DbStructure');

export interface StructureSettings extends DdlSettings {
  autoCreate: boolean;
  autoEvolve: boolean;
  /** Confluent retries a failed ALTER this many times (another task may be adding the same columns). */
  maxRetries: number;
}

export async function createOrAmendIfNecessary(client: pg.ClientBase, definitions: TableDefinitions, table: TableId, fields: FieldsMetadata, s: StructureSettings): Promise<TableDefinition> {
  const all = [...fields.allFields.values()];
  if ((await definitions.get(client, table)) === null) {
    if (!s.autoCreate) throw new TableAlterOrCreateError(`Table ${name(table)} is missing and auto-creation is disabled`);
    const sql = createTableSql(table, all, s);
    log.info(`Creating table with sql: ${sql}`);
    try {
      await ddl(client, sql);
    } catch (err) {
      const error = sinkWriteError(err, `Failed to create table ${name(table)}`);
      if (error.retriable || (await definitions.refresh(client, table)) === null) throw error;
    }
    await definitions.refresh(client, table);
  }
  return amendIfNecessary(client, definitions, table, all, s, s.maxRetries);
}

async function amendIfNecessary(client: pg.ClientBase, definitions: TableDefinitions, table: TableId, fields: readonly SinkRecordField[], s: StructureSettings, retries: number): Promise<TableDefinition> {
  const definition = (await definitions.get(client, table)) as TableDefinition;
  const missing = missingFields(fields, definition.columns);
  if (missing.length === 0) return definition;
  const described = javaList(missing.map(describeField));
  const jdbcName = definition.type;
  if (jdbcName !== 'TABLE') throw new TableAlterOrCreateError(`${TABLE_TYPES[jdbcName]} ${name(table)} is missing fields (${described}) and ALTER ${jdbcName} is unsupported`);
  for (const field of missing) {
    if (!isOptionalField(field) && (field.schema.defaultValue === undefined || field.schema.defaultValue === null)) {
      throw new TableAlterOrCreateError(`Cannot ALTER ${jdbcName} ${name(table)} to add missing field ${describeField(field)}, as the field is not optional and does not have a default value`);
    }
  }
  if (!s.autoEvolve) throw new TableAlterOrCreateError(`${TABLE_TYPES[jdbcName]} ${name(table)} is missing fields (${described}) and auto-evolution is disabled`);
  const sql = alterTableSql(table, missing, s);
  log.info(`Amending ${jdbcName} to add missing fields:${described} maxRetries:${retries} with SQL: ${sql}`);
  try {
    await ddl(client, sql);
  } catch (err) {
    const error = sinkWriteError(err, `Failed to amend table ${name(table)}`);
    if (error.retriable) throw error;
    if (retries <= 0) throw new TableAlterOrCreateError(`Failed to amend ${jdbcName} '${name(table)}' to add missing fields: ${described}`, { cause: err });
    await definitions.refresh(client, table);
    return amendIfNecessary(client, definitions, table, fields, s, retries - 1);
  }
  return (await definitions.refresh(client, table)) as TableDefinition;
}

/** Fields without a column of the same name, exact or ignoring case (Confluent's missingFields). */
export function missingFields(fields: readonly SinkRecordField[], columns: ReadonlyMap<string, string>): SinkRecordField[] {
  const lower = new Set([...columns.keys()].map((c) => c.toLowerCase()));
  return fields.filter((f) => !columns.has(f.name) && !lower.has(f.name.toLowerCase()));
}

/** Runs one DDL statement under a savepoint: on failure the transaction is usable again. */
async function ddl(client: pg.ClientBase, sql: string): Promise<void> {
  await client.query('SAVEPOINT lc_ddl');
  try {
    await client.query(sql);
  } catch (err) {
    await client.query('ROLLBACK TO SAVEPOINT lc_ddl');
    throw err;
  }
  await client.query('RELEASE SAVEPOINT lc_ddl');
}

function name(table: TableId): string {
  return formatTableId(table, 'always');
}
