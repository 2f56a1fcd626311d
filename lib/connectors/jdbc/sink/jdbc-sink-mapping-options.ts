/** The "Data Mapping" group of Confluent's JdbcSinkConfig (10.9), plus fields.include.list (ours). */
import type { ConfigDef } from '#lib/plugin/config-def';
import { NonEmptyString, ValidString } from '#lib/plugin/validators';
import { enumRecommender, timeZoneValidator } from '../config/jdbc-validators';
import * as k from './jdbc-sink-keys';
import { pkModeRecommender } from './jdbc-sink-recommenders';

const PK_FIELDS_DOC =
  'List of comma-separated primary key field names. The runtime interpretation of this config depends on the ``pk.mode``:\n' +
  '``none``\n    Ignored as no fields are used as primary key in this mode.\n' +
  '``kafka``\n    Must be a trio representing the Kafka coordinates, defaults to ``__connect_topic,__connect_partition,__connect_offset`` if empty.\n' +
  '``record_key``\n    If empty, all fields from the key struct will be used, otherwise used to extract the desired fields - for primitive key only a single field name must be configured.\n' +
  '``record_value``\n    If empty, all fields from the value struct will be used, otherwise used to extract the desired fields.';

const PK_MODE_DOC =
  'The primary key mode, also refer to ``pk.fields`` documentation for interplay. Supported modes are:\n' +
  '``none``\n    No keys utilized.\n``kafka``\n    Kafka coordinates are used as the PK.\n' +
  '``record_key``\n    Field(s) from the record key are used, which may be a primitive or a struct.\n' +
  '``record_value``\n    Field(s) from the record value are used, which must be a struct.';

const FIELDS_WHITELIST_DOC =
  'List of comma-separated record value field names. If empty, all fields from the record value are utilized, otherwise used to filter to the desired fields.\n' +
  'Note that ``pk.fields`` is applied independently in the context of which field(s) form the primary key columns in the destination database, while this configuration is applicable for the other columns.';

const DATE_CALENDAR_SYSTEM_DOC =
  'Conversion of time since epoch value in kafka topic record to DATE or TIMESTAMP depends on the calendar used to interpret it. If LEGACY is used, it will use the hybrid Gregorian/Julian calendar which was the default in the older java date time APIs. ' +
  "However, if 'PROLEPTIC_GREGORIAN' is used, then it will use the proleptic gregorian calendar which extends the Gregorian rules backward indefinitely and does not apply the 1582 cutover. This matches the behavior of modern Java date/time APIs (java.time). " +
  'This is defaulted to LEGACY for backward compatibility. The ideal setting for this depends on whether the values in source topic were populated using old or new java date time APIs. ' +
  "Changing this configuration on an existing connector might lead to a drift in the DATE/TIMESTAMP column's values populated in the sink database.";

const STRING_VALUE_COLUMN_DOC =
  'When the Kafka record value uses the String schema (e.g. records produced with StringConverter), the connector writes the value into a single column with this name. ' +
  "If the destination table is being auto-created, the column is created with this name. If the table already exists and the column is missing, the column is added via ALTER when 'auto.evolve' is true; " +
  "otherwise the connector fails with the standard auto-evolution-disabled error. Defaults to 'record_value'.";

export function defineSinkMappingOptions(def: ConfigDef): ConfigDef {
  let position = 0;
  const group = k.DATA_MAPPING_GROUP;
  const at = (): { group: string; orderInGroup: number } => ({ group, orderInGroup: ++position });
  return def
    .define({
      name: k.TABLE_NAME_FORMAT_CONFIG, type: 'STRING', defaultValue: '${topic}', validator: NonEmptyString(), importance: 'MEDIUM', ...at(), width: 'LONG', displayName: 'Table Name Format',
      documentation: "A format string for the destination table name, which may contain '${topic}' as a placeholder for the originating topic name.\nFor example, ``kafka_${topic}`` for the topic 'orders' will map to the table name 'kafka_orders'.",
    })
    .define({ name: k.PK_MODE_CONFIG, type: 'STRING', defaultValue: 'none', validator: enumRecommender(k.PK_MODES), recommender: pkModeRecommender, importance: 'HIGH', documentation: PK_MODE_DOC, ...at(), width: 'MEDIUM', displayName: 'Primary Key Mode' })
    .define({ name: k.PK_FIELDS_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', documentation: PK_FIELDS_DOC, ...at(), width: 'LONG', displayName: 'Primary Key Fields' })
    .define({ name: k.FIELDS_WHITELIST_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', documentation: FIELDS_WHITELIST_DOC, ...at(), width: 'LONG', displayName: 'Fields Whitelist' })
    .define({
      name: k.FIELDS_INCLUDE_LIST_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', ...at(), width: 'LONG', displayName: 'Fields Include List',
      documentation: 'lambda-connect: the same as ``fields.whitelist`` under a newer name. Set one of the two.',
    })
    .define({ name: k.DB_TIMEZONE_CONFIG, type: 'STRING', defaultValue: 'UTC', validator: timeZoneValidator, importance: 'MEDIUM', documentation: 'Name of the JDBC timezone that should be used in the connector when inserting time-based values. Defaults to UTC.', ...at(), width: 'MEDIUM', displayName: 'DB Time Zone' })
    .define({
      name: k.DATE_TIMEZONE_CONFIG, type: 'STRING', defaultValue: 'DB_TIMEZONE', validator: enumRecommender(k.DATE_TIMEZONES), recommender: enumRecommender(k.DATE_TIMEZONES), importance: 'LOW', ...at(), width: 'MEDIUM', displayName: 'Time Zone used for Date',
      documentation: 'Name of the JDBC timezone that should be used in the connector when inserting DATE type values. Defaults to DB_TIMEZONE that uses the timezone set for db.timzeone configuration (to maintain backward compatibility). It is recommended to set this to UTC to avoid conversion for DATE type values.',
    })
    .define({
      name: k.TIMESTAMP_FIELDS_LIST_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', ...at(), width: 'MEDIUM', displayName: 'Timestamp Fields Whitelist',
      documentation: 'List of comma-separated record value timestamp field names that should be converted to timestamps. These fields will be converted based on precision mode specified in timestamp.precision.mode(microseconds or nanoseconds). The timestamp fields included here should be Long or String type and nested fields are not supported.',
    })
    .define({
      name: k.TIMESTAMP_PRECISION_MODE_CONFIG, type: 'STRING', defaultValue: 'MICROSECONDS', validator: enumRecommender(k.TIMESTAMP_PRECISION_MODES), recommender: enumRecommender(k.TIMESTAMP_PRECISION_MODES), importance: 'LOW', ...at(), width: 'MEDIUM', displayName: 'Sink Timestamp Precision mode',
      documentation: 'Convert the Timestamp with precision. If set to microseconds, the timestamp will be converted to microsecond precision. If set to nanoseconds the timestamp will be converted to nanoseconds precision.',
    })
    .define({ name: k.DATE_CALENDAR_SYSTEM_CONFIG, type: 'STRING', defaultValue: 'LEGACY', validator: ValidString.in('LEGACY', 'PROLEPTIC_GREGORIAN'), importance: 'LOW', documentation: DATE_CALENDAR_SYSTEM_DOC, ...at(), width: 'MEDIUM', displayName: 'Date Calendar System' })
    .define({ name: k.STRING_OUTPUT_VALUE_COLUMN_NAME_CONFIG, type: 'STRING', defaultValue: 'record_value', validator: NonEmptyString(), importance: 'LOW', documentation: STRING_VALUE_COLUMN_DOC, ...at(), width: 'MEDIUM', displayName: 'String Value Column Name' });
}
