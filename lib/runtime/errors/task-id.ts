/** Kafka's `ConnectorTaskId`; `toString()` is `<connector>-<task>`. */
export interface ConnectorTaskId {
  readonly connector: string;
  readonly task: number;
}
