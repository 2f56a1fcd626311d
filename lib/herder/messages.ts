/** Kafka Connect's exact error messages, so clients that match on them keep working. */
export const messages = {
  connectorNotFound: (c: string) => `Connector ${c} not found`,
  unknownConnector: (c: string) => `Unknown connector ${c}`,
  unknownConnectorForRestart: (c: string) => `Unknown connector: ${c}`,
  unknownTask: (c: string, t: number) => `Unknown task: ${c}-${t}`,
  noConnectorStatus: (c: string) => `No status found for connector ${c}`,
  noTaskStatus: (c: string, t: number) => `No status found for task ${c}-${t}`,
  noStatusForRestart: (c: string) => `Status for connector ${c} not found`,
  alreadyExists: (c: string) => `Connector ${c} already exists`,
  nameMismatch: (configName: string, name: string) =>
    `Connector name configuration (${configName}) doesn't match connector name in the URL (${name})`,
  notStopped: (c: string) =>
    `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${c}/stop' endpoint`,
  topicTrackingDisabled: 'Topic tracking is disabled.',
  topicTrackingResetDisabled: 'Topic tracking reset is disabled.',
  loggerNotFound: (l: string) => `Logger ${l} not found.`,
  offsetsAltered: (own: boolean) =>
    own
      ? 'The offsets for this connector have been altered successfully'
      : 'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.',
  offsetsReset: (own: boolean) =>
    own
      ? 'The offsets for this connector have been reset successfully'
      : 'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.',
} as const;
