/**
 * Confluent's `io.confluent.connect.jdbc.JdbcSinkConnector`, for PostgreSQL: `start` checks the
 * config, `taskConfigs` gives every task the full connector config (the framework adds the topics
 * or topics.regex), and validation adds the multi-key rules and a connection check
 * (validate-jdbc-sink.ts). The work is done by JdbcSinkTask.
 */
import type { ConfigDef } from '#lib/plugin/config-def';
import type { ConfigValue } from '#lib/plugin/config-types';
import type { SinkConnector, SinkConnectorDescriptor } from '#lib/plugin/task-types';
import { JDBC_SOURCE_VERSION } from '../jdbc-source-version';
import { parseJdbcSinkConfig } from './jdbc-sink-config';
import { jdbcSinkConfigDef } from './jdbc-sink-config-def';
import { JDBC_SINK_CONNECTOR, JDBC_SINK_TASK } from './jdbc-sink-keys';
import { JdbcSinkTask } from './jdbc-sink-task';
import { validateJdbcSink } from './validate-jdbc-sink';

export class JdbcSinkConnector implements SinkConnector {
  #props: Record<string, string> = {};

  version(): string {
    return JDBC_SOURCE_VERSION;
  }

  config(): ConfigDef {
    return jdbcSinkConfigDef();
  }

  validate(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    return validateJdbcSink(props);
  }

  start(props: Record<string, string>): void {
    parseJdbcSinkConfig(props);
    this.#props = props;
  }

  taskClass(): string {
    return JDBC_SINK_TASK;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.#props }));
  }

  stop(): void {}
}

export const jdbcSinkDescriptor: SinkConnectorDescriptor = {
  className: JDBC_SINK_CONNECTOR,
  type: 'sink',
  version: JDBC_SOURCE_VERSION,
  configDef: jdbcSinkConfigDef,
  create: () => new JdbcSinkConnector(),
  createTask: () => new JdbcSinkTask(),
};
