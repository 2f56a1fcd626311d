/**
 * Plugin contracts as the control plane sees them. A later task extends them with the data-plane
 * verbs (tasks, converters, transformations); these stay small so that extension only adds.
 *
 * Connector lifecycle, as the herder drives it (Kafka's WorkerConnector): a fresh instance per use,
 * never shared between concurrent calls. `start(props)` receives the full raw connector config and
 * may throw to reject it; `taskConfigs(maxTasks)` is only called after a successful `start`; `stop()`
 * is always called last, also after a failed `start`. `config()` and `validate()` may be called on
 * an instance that is never started.
 */
import type { ConfigDef } from './config-def';
import type { ConfigValue } from './config-types';

export type PluginType = 'sink' | 'source' | 'converter' | 'header_converter' | 'transformation' | 'predicate';
export type ConnectorPluginType = 'sink' | 'source';
export type OtherPluginType = Exclude<PluginType, ConnectorPluginType>;

/** Kafka's listing order for `/connector-plugins` (ConnectorPluginsResource). */
export const PLUGIN_TYPE_ORDER: readonly PluginType[] = ['sink', 'source', 'transformation', 'predicate', 'converter', 'header_converter'];

/** One source partition and its offset (null deletes it), as given to `alterOffsets`. */
export interface PartitionOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface Connector {
  version(): string;
  /** The connector's own keys; the framework adds its ConnectorConfig keys around them. */
  config(): ConfigDef;
  start(props: Record<string, string>): void | Promise<void>;
  /** The task class name, written into every task config as `task.class`. */
  taskClass(): string;
  /** At most `maxTasks` configs (more fails the connector unless `tasks.max.enforce=false`). */
  taskConfigs(maxTasks: number): Record<string, string>[] | Promise<Record<string, string>[]>;
  stop(): void | Promise<void>;
  /**
   * Kafka's `Connector.validate`: the results for the connector's own keys. Without it the framework
   * uses `config().validate(props)`; an override usually starts from `defaultConnectorValidate` and
   * adds multi-key errors to the returned values.
   */
  validate?(props: Readonly<Record<string, string | null>>): ConfigValue[] | Promise<ConfigValue[]>;
  /**
   * KIP-875 `alterOffsets` (called on an unstarted instance): true when the connector accepts the
   * change and manages offsets itself or checked them; throw to reject. Absent means false.
   */
  alterOffsets?(config: Record<string, string>, offsets: PartitionOffset[]): boolean | Promise<boolean>;
}

/** What the registry knows about a plugin class without loading it. */
export interface PluginDescriptor<T = unknown> {
  /** The fully qualified Java-style class name, e.g. `org.apache.kafka.connect.file.FileStreamSinkConnector`. */
  readonly className: string;
  readonly type: PluginType;
  /** Omitted from PluginInfo when undefined (Kafka's "undefined" version). */
  readonly version?: string;
  /** Extra aliases besides the simple name and the simple name without its type suffix. */
  readonly aliases?: readonly string[];
  configDef(): ConfigDef;
  create(): T;
}

export interface ConnectorDescriptor extends PluginDescriptor<Connector> {
  readonly type: ConnectorPluginType;
}

export interface OtherPluginDescriptor extends PluginDescriptor<unknown> {
  readonly type: OtherPluginType;
}

export type AnyPluginDescriptor = ConnectorDescriptor | OtherPluginDescriptor;

export function isConnectorDescriptor(descriptor: AnyPluginDescriptor): descriptor is ConnectorDescriptor {
  return descriptor.type === 'sink' || descriptor.type === 'source';
}
