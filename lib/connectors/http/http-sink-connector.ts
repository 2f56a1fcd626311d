/**
 * lambda-connect's HTTP sink connector (`io.lambdaconnect.connect.http.HttpSinkConnector`, alias
 * `HttpSink`): sends batches of record values as JSON arrays to an HTTP endpoint (HttpSinkTask).
 * Every task gets the full connector config; validation adds the `headers` syntax and the user
 * BASIC authentication needs.
 */
import { ConfigException } from '#lib/plugin/config-exception';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { ConfigValue } from '#lib/plugin/config-types';
import type { SinkConnector, SinkConnectorDescriptor } from '#lib/plugin/task-types';
import { parseHttpSinkConfig } from './http-sink-config';
import { httpSinkConfigDef } from './http-sink-config-def';
import { CONNECTION_USER_CONFIG, HEADERS_CONFIG, HTTP_SINK_CONNECTOR, HTTP_SINK_TASK, HTTP_SINK_VERSION } from './http-sink-keys';
import { HttpSinkTask } from './http-sink-task';

export class HttpSinkConnector implements SinkConnector {
  #props: Record<string, string> = {};

  version(): string {
    return HTTP_SINK_VERSION;
  }

  config(): ConfigDef {
    return httpSinkConfigDef();
  }

  validate(props: Readonly<Record<string, string | null>>): ConfigValue[] {
    const values = httpSinkConfigDef().validateAll(props);
    const results = [...values.values()];
    if (results.some((v) => v.errorMessages.length > 0)) return results;
    try {
      parseHttpSinkConfig(Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== null)));
    } catch (err) {
      const key = (err as Error).message.includes(`configuration ${CONNECTION_USER_CONFIG}`) ? CONNECTION_USER_CONFIG : HEADERS_CONFIG;
      values.get(key)?.errorMessages.push(err instanceof ConfigException ? err.message : String(err));
    }
    return results;
  }

  start(props: Record<string, string>): void {
    parseHttpSinkConfig(props);
    this.#props = props;
  }

  taskClass(): string {
    return HTTP_SINK_TASK;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.#props }));
  }

  stop(): void {}
}

export const httpSinkDescriptor: SinkConnectorDescriptor = {
  className: HTTP_SINK_CONNECTOR,
  type: 'sink',
  version: HTTP_SINK_VERSION,
  configDef: httpSinkConfigDef,
  create: () => new HttpSinkConnector(),
  createTask: () => new HttpSinkTask(),
};
