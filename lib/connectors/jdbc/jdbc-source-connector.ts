/**
 * Confluent's `io.confluent.connect.jdbc.JdbcSourceConnector`, for PostgreSQL. `start` checks the
 * config and, in table mode, lists the tables to copy (the table monitor's first pass: there is no
 * background monitoring, so tables created later are picked up when task configs are next
 * generated, e.g. on restart or config update). `taskConfigs` spreads the tables over at most
 * `tasks.max` tasks with ConnectorUtils.groupPartitions, writing each task's share into `tables`.
 */
import { createLogger } from '#lib/logging/logger';
import { ConfigException } from '#lib/plugin/config-exception';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { ConfigValue } from '#lib/plugin/config-types';
import type { SourceConnector, SourceConnectorDescriptor } from '#lib/plugin/task-types';
import { groupPartitions } from '../group-partitions';
import { TABLES_CONFIG, TABLES_FETCHED_CONFIG, QUERY_CONFIG, QUERY_MASKED_CONFIG } from './config/config-keys';
import { configConflicts } from './config/config-conflicts';
import { parseJdbcSourceConfig, type JdbcSourceConfig } from './config/jdbc-source-config';
import { jdbcSourceConfigDef } from './config/jdbc-source-config-def';
import { validateJdbcSource } from './config/validate-jdbc-source';
import { translatePgError } from './connection/pg-errors';
import { createJdbcPool, withConnection } from './connection/pg-pool';
import { JDBC_SOURCE_CONNECTOR, JDBC_SOURCE_TASK, JDBC_SOURCE_VERSION } from './jdbc-source-version';
import { checkNoDuplicateTableNames, filterTables, type TableFilters } from './tables/filter-tables';
import { listTables } from './tables/list-tables';
import { formatTableId, type TableId } from './tables/table-id';
import { JdbcSourceTask } from './task/jdbc-source-task';

const log = createLogger('io.confluent.connect.jdbc.JdbcSourceConnector');

export class JdbcSourceConnector implements SourceConnector {
  #props: Record<string, string> = {};
  #config: JdbcSourceConfig | undefined;
  #tables: TableId[] = [];

  version(): string {
    return JDBC_SOURCE_VERSION;
  }

  config(): ConfigDef {
    return jdbcSourceConfigDef();
  }

  validate(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    return validateJdbcSource(props);
  }

  async start(props: Record<string, string>): Promise<void> {
    let config: JdbcSourceConfig;
    try {
      config = parseJdbcSourceConfig(props);
    } catch (err) {
      throw new ConfigException(`Couldn't start JdbcSourceConnector due to configuration error: ${(err as Error).message}`);
    }
    const [problem] = configConflicts(config, props[QUERY_CONFIG] ?? '', props[QUERY_MASKED_CONFIG] ?? '');
    if (problem) throw new ConfigException(problem.message);
    this.#props = props;
    this.#config = config;
    if (config.query !== null) return;
    const filters: TableFilters = { whitelist: config.tableWhitelist, blacklist: config.tableBlacklist, includeList: config.tableIncludeList, excludeList: config.tableExcludeList };
    const jdbc = createJdbcPool(config);
    try {
      const all = await withConnection(jdbc, (client) => listTables(client, config.tableTypes, config.schemaPattern));
      this.#tables = filterTables(all, filters);
    } catch (err) {
      throw translatePgError(err, `Could not read the list of tables from the database ${jdbc.target}`);
    } finally {
      await jdbc.pool.end().catch(() => undefined);
    }
    checkNoDuplicateTableNames(this.#tables, filters);
    if (this.#tables.length === 0) log.warn('No tables were found so there\'s no work to be done.');
  }

  taskClass(): string {
    return JDBC_SOURCE_TASK;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    const config = this.#config;
    if (config === undefined || config.query !== null || this.#tables.length === 0) {
      return [{ ...this.#props, [TABLES_CONFIG]: '', [TABLES_FETCHED_CONFIG]: 'true' }];
    }
    const groups = groupPartitions(this.#tables, Math.min(this.#tables.length, maxTasks));
    return groups.map((tables) => ({ ...this.#props, [TABLES_CONFIG]: tables.map((t) => formatTableId(t, config.quote)).join(','), [TABLES_FETCHED_CONFIG]: 'true' }));
  }

  stop(): void {}

  /** The tables found by `start`, in the database's listing order. */
  tables(): readonly TableId[] {
    return this.#tables;
  }
}

export const jdbcSourceDescriptor: SourceConnectorDescriptor = {
  className: JDBC_SOURCE_CONNECTOR,
  type: 'source',
  version: JDBC_SOURCE_VERSION,
  configDef: jdbcSourceConfigDef,
  create: () => new JdbcSourceConnector(),
  createTask: () => new JdbcSourceTask(),
};
