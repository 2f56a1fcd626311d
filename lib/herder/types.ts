/**
 * The herder's interface: connector lifecycle as Kafka Connect's herder exposes it to the REST
 * resources. Entities use Kafka's JSON field names so the REST layer serialises them as they are.
 */
import type { State, TargetState } from '#lib/store/types';

export type ConnectorType = 'source' | 'sink' | 'unknown';

export interface ConnectorTaskId {
  connector: string;
  task: number;
}

/** ENT/ConnectorInfo */
export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  tasks: ConnectorTaskId[];
  type: ConnectorType;
}

/** One entry of ENT/ConnectorStateInfo; `trace` only when non-empty. */
export interface ConnectorState {
  state: State;
  worker_id: string | null;
  trace?: string;
  [extra: string]: unknown;
}

export interface TaskState extends ConnectorState {
  id: number;
}

/** ENT/ConnectorStateInfo */
export interface ConnectorStateInfo {
  name: string;
  connector: ConnectorState;
  tasks: TaskState[];
  type: ConnectorType;
}

/** ENT/TaskInfo */
export interface TaskInfo {
  id: ConnectorTaskId;
  config: Record<string, string>;
}

/** ENT/ServerInfo */
export interface ServerInfo {
  version: string;
  commit: string;
  kafka_cluster_id: string | null;
}

/** ENT/PluginInfo; `version` omitted when undefined. */
export interface PluginInfo {
  class: string;
  type: 'sink' | 'source' | 'converter' | 'header_converter' | 'transformation' | 'predicate';
  version?: string;
}

/** ENT/ConfigKeyInfo */
export interface ConfigKeyInfo {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string | null;
  group: string | null;
  width: string;
  display_name: string;
  dependents: string[];
  order: number;
}

/** ENT/ConfigValueInfo */
export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

/** ENT/ConfigInfos */
export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: { definition: ConfigKeyInfo | null; value: ConfigValueInfo }[];
}

/** ENT/ConnectorOffsets */
export interface ConnectorOffsets {
  /** `partition` may be null in a request; the herder rejects it with Kafka's message. */
  offsets: { partition: Record<string, unknown> | null; offset: Record<string, unknown> | null }[];
}

export interface LoggerLevel {
  level: string;
  last_modified: number | null;
}

export type InitialState = 'RUNNING' | 'PAUSED' | 'STOPPED';

export interface PutConfigResult {
  created: boolean;
  info: ConnectorInfo;
}

export interface RestartOptions {
  includeTasks: boolean;
  onlyFailed: boolean;
}

/** Config values may be null in a request (PATCH deletes such keys; elsewhere they are a validation error). */
export type RequestConfig = Record<string, string | null>;

export interface Herder {
  serverInfo(): Promise<ServerInfo>;
  listConnectors(): Promise<string[]>;
  /** For `?expand=`: status and/or info per connector; connectors without a status are omitted from status. */
  expandConnectors(expand: { status: boolean; info: boolean }): Promise<Record<string, { status?: ConnectorStateInfo; info?: ConnectorInfo | null }>>;
  /** POST /connectors: AlreadyExistsError if the name is taken. */
  createConnector(name: string, config: RequestConfig, initialState?: InitialState): Promise<ConnectorInfo>;
  /** PUT /connectors/{c}/config: creates (created=true) or replaces the config. */
  putConnectorConfig(name: string, config: RequestConfig): Promise<PutConfigResult>;
  /** PATCH /connectors/{c}/config: null values delete keys. */
  patchConnectorConfig(name: string, patch: RequestConfig): Promise<ConnectorInfo>;
  connectorInfo(name: string): Promise<ConnectorInfo>;
  connectorConfig(name: string): Promise<Record<string, string>>;
  connectorStatus(name: string): Promise<ConnectorStateInfo>;
  taskStatus(name: string, taskId: number): Promise<TaskState>;
  taskConfigs(name: string): Promise<TaskInfo[]>;
  deleteConnector(name: string): Promise<void>;
  pauseConnector(name: string): Promise<void>;
  resumeConnector(name: string): Promise<void>;
  stopConnector(name: string): Promise<void>;
  /** Returns the restart plan (202) or undefined for the legacy connector-only restart (204). */
  restartConnector(name: string, options: RestartOptions): Promise<ConnectorStateInfo | undefined>;
  restartTask(name: string, taskId: number): Promise<void>;
  connectorTopics(name: string): Promise<string[]>;
  resetConnectorTopics(name: string): Promise<void>;
  getOffsets(name: string): Promise<ConnectorOffsets>;
  /** Returns the success message. */
  alterOffsets(name: string, offsets: ConnectorOffsets): Promise<string>;
  resetOffsets(name: string): Promise<string>;
  connectorPlugins(connectorsOnly: boolean): Promise<PluginInfo[]>;
  pluginConfig(plugin: string): Promise<ConfigKeyInfo[]>;
  validateConfig(plugin: string, config: RequestConfig): Promise<ConfigInfos>;
  loggers(): Promise<Record<string, LoggerLevel>>;
  logger(name: string): Promise<LoggerLevel>;
  /** Worker scope: returns the affected logger names, sorted. */
  setLoggerLevel(name: string, level: string, scope: 'worker' | 'cluster'): Promise<string[]>;
}

export type { State, TargetState };
