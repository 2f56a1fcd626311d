/**
 * What Confluent's JdbcSourceTask.start does once it can reach the database: read the committed
 * offsets (incremental modes; protocol 1 partitions first, then protocol 0), check the offset
 * columns of every table, find auto-incrementing columns, apply `timestamp.initial`, and build one
 * querier per table (or one for the custom query). We do it in the first poll, where a connection
 * failure is a RetriableError the runner retries.
 */
import type pg from 'pg';
import { ConfigException } from '#lib/plugin/config-exception';
import type { OffsetStorageReader } from '#lib/plugin/source-task';
import { MODE_INCREMENTING, MODE_TIMESTAMP_INCREMENTING, type Mode } from '../config/config-keys';
import { queryModeIncrementingMessage } from '../config/config-conflicts';
import type { JdbcSourceTaskConfig } from '../config/jdbc-source-config';
import type { Criteria } from '../query/criteria';
import { possibleTablePartitions, QUERY_PARTITION, sourcePartitionV0, sourcePartitionV1 } from '../query/offset-protocols';
import { currentTimeOnDb, TableQuerier, type QuerierSpec } from '../query/table-querier';
import { TIMESTAMP_FIELD } from '../query/timestamp-incrementing-offset';
import { formatTableId, parseTableIdentifier, quoteIdentifier, type TableId } from '../tables/table-id';
import { microsToMillis } from '../temporal/jdbc-temporal';
import { autoIncrementingColumn, checkColumnsExist, checkNonNullable, describeTableColumns } from './table-columns';

const usesIncrementing = (mode: Mode): boolean => mode === MODE_INCREMENTING || mode === MODE_TIMESTAMP_INCREMENTING;
const usesTimestamp = (mode: Mode): boolean => mode === 'timestamp' || mode === MODE_TIMESTAMP_INCREMENTING;

export async function createQueriers(config: JdbcSourceTaskConfig, mode: Mode, client: pg.ClientBase, reader: OffsetStorageReader): Promise<TableQuerier[]> {
  if (config.query !== null) return [await queryQuerier(config, mode, client, reader)];
  const queriers: TableQuerier[] = [];
  const tables = config.tables.map((name) => ({ name, id: parseTableIdentifier(name, config.quote) }));
  const stored = mode === 'bulk' ? [] : await reader.offsets(tables.flatMap((t) => possibleTablePartitions(t.id)));
  for (const { name, id } of tables) {
    const columns = await describeTableColumns(client, id);
    let incrementingColumn = config.incrementingColumnName;
    const choice = { mode, incrementingColumn, timestampColumns: config.timestampColumnNames };
    checkColumnsExist(columns, choice, name);
    if (config.validateNonNull) checkNonNullable(columns, choice, name);
    if (usesIncrementing(mode) && incrementingColumn === '') incrementingColumn = autoIncrementingColumn(columns, name);
    const offset = findOffset(stored, possibleTablePartitions(id));
    queriers.push(
      new TableQuerier(
        {
          mode,
          table: id,
          baseQuery: `SELECT * FROM ${formatTableId(id, config.quote)}`,
          topic: config.topicPrefix + id.table,
          partition: mode === 'bulk' ? sourcePartitionV0(id) : sourcePartitionV1(id),
          criteria: criteria(mode, config, incrementingColumn, id),
          incrementingColumn: usesIncrementing(mode) ? incrementingColumn : null,
          timestampColumns: usesTimestamp(mode) ? config.timestampColumnNames : [],
          initialOffset: mode === 'bulk' ? null : (offset ?? (await initialOffset(config, client))),
        },
        config,
      ),
    );
  }
  return queriers;
}

async function queryQuerier(config: JdbcSourceTaskConfig, mode: Mode, client: pg.ClientBase, reader: OffsetStorageReader): Promise<TableQuerier> {
  if (usesIncrementing(mode) && config.incrementingColumnName.trim() === '') throw new ConfigException(queryModeIncrementingMessage());
  const offset = mode === 'bulk' ? null : await reader.offset({ ...QUERY_PARTITION });
  const spec: QuerierSpec = {
    mode,
    table: null,
    baseQuery: config.query as string,
    topic: config.topicPrefix,
    partition: { ...QUERY_PARTITION },
    criteria: criteria(mode, config, config.incrementingColumnName, null),
    incrementingColumn: usesIncrementing(mode) ? config.incrementingColumnName : null,
    timestampColumns: usesTimestamp(mode) ? config.timestampColumnNames : [],
    initialOffset: mode === 'bulk' ? null : (offset ?? (await initialOffset(config, client))),
  };
  return new TableQuerier(spec, config);
}

/** Columns qualified by the table in table mode (Confluent's ColumnId rendering). */
function criteria(mode: Mode, config: JdbcSourceTaskConfig, incrementingColumn: string, table: TableId | null): Criteria {
  const column = (name: string): string => (table === null ? '' : `${formatTableId(table, config.quote)}.`) + quoteIdentifier(name, config.quote);
  return {
    incrementing: usesIncrementing(mode) && incrementingColumn !== '' ? column(incrementingColumn) : null,
    timestamps: usesTimestamp(mode) ? config.timestampColumnNames.map(column) : [],
  };
}

function findOffset(stored: ReadonlyArray<[Record<string, unknown>, Record<string, unknown>]>, partitions: readonly Record<string, string>[]): Record<string, unknown> | null {
  for (const partition of partitions) {
    const found = stored.find(([p]) => samePartition(p, partition));
    if (found) return found[1];
  }
  return null;
}

function samePartition(a: Record<string, unknown>, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((key) => a[key] === b[key]);
}

/** Confluent's computeInitialOffset without a stored offset: `timestamp.initial` (-1 = the database's now) or nothing. */
async function initialOffset(config: JdbcSourceTaskConfig, client: pg.ClientBase): Promise<Record<string, unknown> | null> {
  const initial = config.timestampInitial;
  if (initial === null) return null;
  const millis = initial === -1n ? microsToMillis(await currentTimeOnDb(client)) : Number(initial);
  return { [TIMESTAMP_FIELD]: millis };
}
