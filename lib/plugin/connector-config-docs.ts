/** Documentation strings of Kafka 3.9's ConnectorConfig (and the WorkerConfig converter docs it reuses), verbatim. */

export const NAME_DOC = 'Globally unique name to use for this connector.';

export const CONNECTOR_CLASS_DOC =
  'Name or alias of the class for this connector. Must be a subclass of org.apache.kafka.connect.connector.Connector. ' +
  'If the connector is org.apache.kafka.connect.file.FileStreamSinkConnector, you can either specify this full name, ' +
  ' or use "FileStreamSink" or "FileStreamSinkConnector" to make the configuration a bit shorter';

export const TASKS_MAX_DOC = 'Maximum number of tasks to use for this connector.';

export const TASKS_MAX_ENFORCE_DOC =
  '(Deprecated) Whether to enforce that the tasks.max property is respected by the connector. ' +
  'By default, connectors that generate too many tasks will fail, and existing sets of tasks that exceed the tasks.max property will also be failed. ' +
  'If this property is set to false, then connectors will be allowed to generate more than the maximum number of tasks, and existing sets of ' +
  'tasks that exceed the tasks.max property will be allowed to run. ' +
  'This property is deprecated and will be removed in an upcoming major release.';

const CONVERTER_DOC = (what: string): string =>
  'Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.' +
  ` This controls the format of the ${what} in messages written to or read from Kafka, and since this is` +
  ' independent of connectors it allows any connector to work with any serialization format.' +
  ' Examples of common formats include JSON and Avro.';

export const KEY_CONVERTER_CLASS_DOC = CONVERTER_DOC('keys');
export const VALUE_CONVERTER_CLASS_DOC = CONVERTER_DOC('values');

export const HEADER_CONVERTER_CLASS_DOC =
  'HeaderConverter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.' +
  ' This controls the format of the header values in messages written to or read from Kafka, and since this is' +
  ' independent of connectors it allows any connector to work with any serialization format.' +
  ' Examples of common formats include JSON and Avro. By default, the SimpleHeaderConverter is used to serialize' +
  ' header values to strings and deserialize them by inferring the schemas.';

export const TRANSFORMS_DOC = 'Aliases for the transformations to be applied to records.';
export const PREDICATES_DOC = 'Aliases for the predicates used by transformations.';

export const CONFIG_RELOAD_ACTION_DOC =
  'The action that Connect should take on the connector when changes in external ' +
  "configuration providers result in a change in the connector's configuration properties. " +
  "A value of 'none' indicates that Connect will do nothing. " +
  "A value of 'restart' indicates that Connect should restart/reload the connector with the " +
  'updated configuration properties.' +
  'The restart may actually be scheduled in the future if the external configuration provider ' +
  'indicates that a configuration value will expire in the future.';

export const ERRORS_RETRY_TIMEOUT_DOC =
  'The maximum duration in milliseconds that a failed operation ' +
  'will be reattempted. The default is 0, which means no retries will be attempted. Use -1 for infinite retries.';

export const ERRORS_RETRY_MAX_DELAY_DOC =
  'The maximum duration in milliseconds between consecutive retry attempts. ' +
  'Jitter will be added to the delay once this limit is reached to prevent thundering herd issues.';

export const ERRORS_TOLERANCE_DOC =
  "Behavior for tolerating errors during connector operation. 'none' is the default value " +
  "and signals that any error will result in an immediate connector task failure; 'all' changes the behavior to skip over problematic records.";

export const ERRORS_LOG_ENABLE_DOC =
  'If true, write each error and the details of the failed operation and problematic record ' +
  "to the Connect application log. This is 'false' by default, so that only errors that are not tolerated are reported.";

export const ERRORS_LOG_INCLUDE_MESSAGES_DOC =
  'Whether to include in the log the Connect record that resulted in a failure. ' +
  'For sink records, the topic, partition, offset, and timestamp will be logged. ' +
  'For source records, the key and value (and their schemas), all headers, and the timestamp, Kafka topic, Kafka partition, source partition, ' +
  'and source offset will be logged. ' +
  "This is 'false' by default, which will prevent record keys, values, and headers from being written to log files.";
