/**
 * The ConfigDefs of Confluent's JdbcSourceConnectorConfig (connector) and JdbcSourceTaskConfig
 * (task: adds `tables` and the internal `tables.fetched`), for the keys lambda-connect supports.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import { TABLES_CONFIG, TABLES_FETCHED_CONFIG } from './config-keys';
import { defineConnectorOptions } from './connector-options';
import { defineDatabaseOptions } from './database-options';
import { defineModeOptions } from './mode-options';

export function jdbcSourceConfigDef(): ConfigDef {
  return defineConnectorOptions(defineModeOptions(defineDatabaseOptions(new ConfigDef())));
}

export function jdbcSourceTaskConfigDef(): ConfigDef {
  return jdbcSourceConfigDef()
    .define({ name: TABLES_CONFIG, type: 'LIST', importance: 'HIGH', documentation: 'List of tables for this task to watch for changes.' })
    .define({ name: TABLES_FETCHED_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'HIGH', internalConfig: true });
}
