/**
 * What the herder needs from the rest of the system. `ConnectorPlugins` is the herder's view of the
 * plugin registry (bound in lib/wiring.ts), so connector lifecycle logic does not depend on how
 * plugins are declared.
 */
import type { ConfigResolver } from '#lib/config-providers/types';
import type { Logger } from '#lib/logging/logger';
import type { Stores } from '#lib/store/types';
import type { ConnectorHooks } from './connector-hooks';
import type { RestartLauncher } from './restart-launcher';
import type { ConfigInfos, ConfigKeyInfo, ConnectorType, PluginInfo, RequestConfig, ServerInfo } from './types';

export interface ConnectorPlugins {
  /** The `/config/validate` result; throws BadRequestError for a missing or unknown connector.class. */
  validate(config: RequestConfig): Promise<ConfigInfos>;
  /** The 400 message for a config whose validation found errors. */
  errorsMessage(infos: ConfigInfos): string;
  connectorType(connectorClass: string): ConnectorType;
  /** Starts the connector with its config and returns the task configs (task.class and, for sinks,
   *  topics included), enforcing tasks.max. Throws what the connector throws. */
  generateTaskConfigs(config: Record<string, string>): Promise<Record<string, string>[]>;
  /** The connector's own offsets check (KIP-875 alterOffsets): true when it manages them itself and
   *  accepted the change, false for framework-managed offsets. Throws to reject the change. */
  alterOffsets(config: Record<string, string>, offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[]): Promise<boolean>;
  list(connectorsOnly: boolean): PluginInfo[];
  pluginConfig(plugin: string): ConfigKeyInfo[];
}

export interface HerderSettings {
  /** `<advertised host>:<advertised port>`, reported as worker_id. */
  workerId: string;
  topicTrackingEnabled: boolean;
  topicTrackingAllowReset: boolean;
}

export interface HerderDeps {
  stores: Stores;
  plugins: ConnectorPlugins;
  settings: HerderSettings;
  serverInfo: () => Promise<ServerInfo>;
  log: Logger;
  now?: () => Date;
  /** Runs restarts as executions of the restart state machine; without it they run synchronously. */
  restarts?: RestartLauncher;
  /** Reconciles resources derived from connectors (a sink's event source mappings); optional. */
  hooks?: ConnectorHooks;
  /** Resolves `${provider:path:key}` references for the connector instance only; without it they are passed as written. */
  configResolver?: ConfigResolver;
}
