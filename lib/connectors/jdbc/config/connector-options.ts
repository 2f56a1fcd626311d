/** The "Connector" group of Confluent's JdbcSourceConnectorConfig (the keys lambda-connect supports). */
import type { ConfigDef } from '#lib/plugin/config-def';
import * as k from './config-keys';
import { enumRecommender, timeZoneValidator, topicPrefixValidator } from './jdbc-validators';

const TIMESTAMP_GRANULARITY_DOC =
  'Define the granularity of the Timestamp column. Options include: \n' +
  "  * connect_logical (default): represents timestamp values using Kafka Connect's built-in representations \n" +
  '  * micros_long: represents timestamp values as micros since epoch\n' +
  '  * micros_string: represents timestamp values as micros since epoch in string\n' +
  "  * micros_iso_datetime_string: uses iso format 'yyyy-MM-dd'T'HH:mm:ss.SSSSSS'\n" +
  '  * nanos_long: represents timestamp values as nanos since epoch\n' +
  '  * nanos_string: represents timestamp values as nanos since epoch in string\n' +
  "  * nanos_iso_datetime_string: uses iso format 'yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'\n";

export function defineConnectorOptions(def: ConfigDef): ConfigDef {
  let position = 0;
  const order = (): number => ++position;
  const group = k.CONNECTOR_GROUP;
  return def
    .define({
      name: k.TABLE_TYPE_CONFIG, type: 'LIST', defaultValue: 'TABLE', importance: 'LOW', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Table Types',
      documentation:
        'By default, the JDBC connector will only detect tables with type TABLE from the source Database. This config allows a command separated list of table types to extract. Options include:\n' +
        '  * TABLE\n  * VIEW\n  * SYSTEM TABLE\n  * GLOBAL TEMPORARY\n  * LOCAL TEMPORARY\n  * ALIAS\n  * SYNONYM\n  In most cases it only makes sense to have either TABLE or VIEW.',
    })
    .define({ name: k.POLL_INTERVAL_MS_CONFIG, type: 'INT', defaultValue: 5000, importance: 'HIGH', documentation: 'Frequency in ms to poll for new data in each table.', group, orderInGroup: order(), width: 'SHORT', displayName: 'Poll Interval (ms)' })
    .define({
      name: k.BATCH_MAX_ROWS_CONFIG, type: 'INT', defaultValue: 1000, importance: 'LOW', group, orderInGroup: order(), width: 'SHORT', displayName: 'Max Rows Per Batch',
      documentation: 'Maximum number of rows to include in a single batch when polling for new data. This setting can be used to limit the amount of data buffered internally in the connector.',
    })
    .define({
      name: k.TOPIC_PREFIX_CONFIG, type: 'STRING', defaultValue: '', validator: topicPrefixValidator, importance: 'HIGH', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Topic Prefix',
      documentation: 'Prefix to prepend to table names to generate the name of the Kafka topic to publish data to, or in the case of a custom query, the full name of the topic to publish to.',
    })
    .define({
      name: k.TIMESTAMP_DELAY_INTERVAL_MS_CONFIG, type: 'LONG', defaultValue: 0, importance: 'HIGH', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Delay Interval (ms)',
      documentation:
        'How long to wait after a row with certain timestamp appears before we include it in the result. You may choose to add some delay to allow transactions with earlier timestamp to complete. ' +
        'The first execution will fetch all available records (i.e. starting at timestamp 0) until current time minus the delay. Every following execution will get data from the last time we fetched until current time minus the delay.',
    })
    .define({
      name: k.DB_TIMEZONE_CONFIG, type: 'STRING', defaultValue: 'UTC', validator: timeZoneValidator, importance: 'MEDIUM', group, orderInGroup: order(), width: 'MEDIUM', displayName: 'DB time zone',
      documentation: 'Name of the JDBC timezone used in the connector when querying with time-based criteria. Defaults to UTC.',
    })
    .define({
      name: k.TIMESTAMP_GRANULARITY_CONFIG, type: 'STRING', defaultValue: 'connect_logical', validator: enumRecommender(k.TIMESTAMP_GRANULARITIES), recommender: enumRecommender(k.TIMESTAMP_GRANULARITIES),
      importance: 'LOW', documentation: TIMESTAMP_GRANULARITY_DOC, group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Timestamp granularity for timestamp columns',
    });
}
