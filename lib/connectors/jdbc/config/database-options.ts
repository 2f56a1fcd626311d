/** The "Database" group of Confluent's JdbcSourceConnectorConfig (the keys lambda-connect supports). */
import type { ConfigDef } from '#lib/plugin/config-def';
import { Range, ValidString } from '#lib/plugin/validators';
import * as k from './config-keys';
import { dialectRecommender, enumRecommender, regexListValidator } from './jdbc-validators';

const NUMERIC_MAPPING_DOC =
  'Map NUMERIC values by precision and optionally scale to integral or decimal types.\n' +
  "  * Use ``none`` if all NUMERIC columns are to be represented by Connect's DECIMAL logical type.\n" +
  "  * Use ``best_fit`` if NUMERIC columns should be cast to Connect's INT8, INT16, INT32, INT64, or FLOAT64 based upon the column's precision and scale. " +
  'This option may still represent the NUMERIC value as Connect DECIMAL if it cannot be cast to a native type without losing precision. ' +
  'For example, a NUMERIC(20) type with precision 20 would not be able to fit in a native INT64 without overflowing and thus would be retained as DECIMAL.\n' +
  '  * Use ``best_fit_eager_double`` if in addition to the properties of ``best_fit`` described above, it is desirable to always cast NUMERIC columns with scale to Connect FLOAT64 type, despite potential of loss in accuracy.\n' +
  "  * Use ``precision_only`` to map NUMERIC columns based only on the column's precision assuming that column's scale is 0.\n" +
  "  * The ``none`` option is the default, but may lead to serialization issues with Avro since Connect's DECIMAL type is mapped to its binary representation, and ``best_fit`` will often be preferred since it maps to the most appropriate primitive type.";

const DATE_CALENDAR_SYSTEM_DOC =
  'The time elapsed from epoch populated in the end table topic for DATE or TIMESTAMP type columns can have two different values based upon the Calendar used to interpret it. ' +
  "If LEGACY is used, it will use the hybrid Gregorian/Julian calendar which was the default in the older java date time APIs. However, if 'PROLEPTIC_GREGORIAN' is used, then it will use the proleptic gregorian calendar which extends the Gregorian rules backward indefinitely and does not apply the 1582 cutover. " +
  'This matches the behavior of modern Java date/time APIs (java.time). This is defaulted to LEGACY for backward compatibility. Changing this configuration on an existing connector might lead to a drift in the kafka topic record values.';

export function defineDatabaseOptions(def: ConfigDef): ConfigDef {
  let position = 0;
  const order = (): number => ++position;
  const group = k.DATABASE_GROUP;
  return def
    .define({
      name: k.CONNECTION_URL_CONFIG, type: 'STRING', defaultValue: '', importance: 'HIGH', group, orderInGroup: order(), width: 'LONG', displayName: 'JDBC URL',
      dependents: [k.TABLE_WHITELIST_CONFIG, k.TABLE_BLACKLIST_CONFIG],
      documentation: 'JDBC connection URL.\nFor example: ``jdbc:postgresql://localhost:5432/db_name``. lambda-connect supports PostgreSQL URLs only (see docs/connectors.md for the URL parameters it reads).',
    })
    .define({ name: k.CONNECTION_USER_CONFIG, type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'JDBC connection user.', group, orderInGroup: order(), width: 'LONG', displayName: 'JDBC User' })
    .define({ name: k.CONNECTION_PASSWORD_CONFIG, type: 'PASSWORD', defaultValue: null, importance: 'HIGH', documentation: 'JDBC connection password.', group, orderInGroup: order(), width: 'SHORT', displayName: 'JDBC Password' })
    .define({
      name: k.CONNECTION_ATTEMPTS_CONFIG, type: 'INT', defaultValue: 3, validator: Range.atLeast(1), importance: 'LOW', group, orderInGroup: order(), width: 'SHORT', displayName: 'JDBC connection attempts',
      documentation: 'Maximum number of attempts to retrieve a valid JDBC connection. Must be a positive integer.',
    })
    .define({ name: k.CONNECTION_BACKOFF_CONFIG, type: 'LONG', defaultValue: 10000, importance: 'LOW', documentation: 'Backoff time in milliseconds between connection attempts.', group, orderInGroup: order(), width: 'SHORT', displayName: 'JDBC connection backoff in milliseconds' })
    .define({
      name: k.TABLE_WHITELIST_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group, orderInGroup: order(), width: 'LONG', displayName: 'Table Whitelist',
      documentation: 'List of tables to include in copying. If specified, ``table.blacklist`` may not be set. Use a comma-separated list to specify multiple tables (for example, ``table.whitelist: "User, Address, Email"``).',
    })
    .define({
      name: k.TABLE_BLACKLIST_CONFIG, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group, orderInGroup: order(), width: 'LONG', displayName: 'Table Blacklist',
      documentation: 'List of tables to exclude from copying. If specified, ``table.whitelist`` may not be set. Use a comma-separated list to specify multiple tables (for example, ``table.blacklist: "User, Address, Email"``).',
    })
    .define({
      name: k.TABLE_INCLUDE_LIST_CONFIG, type: 'LIST', defaultValue: [], validator: regexListValidator, importance: 'MEDIUM', group, orderInGroup: order(), width: 'LONG', displayName: 'Tables Included (Regex)',
      documentation:
        'A comma-separated list of regular expressions that match the fully-qualified names of tables to be copied. Use a comma-separated list to specify multiple regular expressions. ' +
        'Table names are case-sensitive. For example, ``table.include.list: "schema1.customer.*,schema2.order.*"``. If specified, the legacy configs of ``table.whitelist``, and ``table.blacklist`` cannot be set.',
    })
    .define({
      name: k.TABLE_EXCLUDE_LIST_CONFIG, type: 'LIST', defaultValue: [], validator: regexListValidator, importance: 'MEDIUM', group, orderInGroup: order(), width: 'LONG', displayName: 'Tables Excluded (Regex)',
      documentation:
        'A comma-separated list of regular expressions that match the fully-qualified names of tables not to be copied. This only applies to tables that match the include list. REQUIRES ``table.include.list`` to be specified. ' +
        'Use a comma-separated list to specify multiple regular expressions. Table names are case-sensitive. For example, ``table.exclude.list: ".*.temp.*,.*.staging.*"``. If specified, ``table.whitelist`` and ``table.blacklist`` cannot not be set.',
    })
    .define({
      name: k.CATALOG_PATTERN_CONFIG, type: 'STRING', defaultValue: null, importance: 'MEDIUM', group, orderInGroup: order(), width: 'SHORT', displayName: 'Schema pattern',
      documentation: 'Catalog pattern to fetch table metadata from the database.\n  * ``""`` retrieves those without a catalog \n  * null (default) indicates that the schema name is not used to narrow the search and that all table metadata is fetched, regardless of the catalog.',
    })
    .define({
      name: k.SCHEMA_PATTERN_CONFIG, type: 'STRING', defaultValue: null, importance: 'HIGH', group, orderInGroup: order(), width: 'SHORT', displayName: 'Schema pattern',
      documentation: 'Schema pattern to fetch table metadata from the database.\n  * ``""`` retrieves those without a schema.\n  * null (default) indicates that the schema name is not used to narrow the search and that all table metadata is fetched, regardless of the schema.',
    })
    .define({
      name: k.NUMERIC_PRECISION_MAPPING_CONFIG, type: 'BOOLEAN', defaultValue: false, importance: 'LOW', group, orderInGroup: order(), width: 'SHORT', displayName: 'Map Numeric Values By Precision (deprecated)',
      documentation: 'Whether or not to attempt mapping NUMERIC values by precision to integral types. This option is now deprecated. A future version may remove it completely. Please use ``numeric.mapping`` instead.',
    })
    .define({
      name: k.NUMERIC_MAPPING_CONFIG, type: 'STRING', defaultValue: null, validator: enumRecommender(k.NUMERIC_MAPPINGS), recommender: enumRecommender(k.NUMERIC_MAPPINGS), importance: 'LOW',
      documentation: NUMERIC_MAPPING_DOC, group, orderInGroup: order(), width: 'SHORT', displayName: 'Map Numeric Values, Integral or Decimal, By Precision and Scale',
    })
    .define({
      name: k.DIALECT_NAME_CONFIG, type: 'STRING', defaultValue: '', validator: dialectRecommender([k.POSTGRES_DIALECT]), recommender: dialectRecommender([k.POSTGRES_DIALECT]), importance: 'LOW', group, orderInGroup: order(), width: 'LONG', displayName: 'Database Dialect',
      documentation:
        'The name of the database dialect that should be used for this connector. By default this is empty, and the connector automatically determines the dialect based upon the JDBC connection URL. ' +
        'Use this if you want to override that behavior and use a specific dialect. lambda-connect has the PostgreSqlDatabaseDialect only.',
    })
    .define({
      name: k.DATE_CALENDAR_SYSTEM_CONFIG, type: 'STRING', defaultValue: 'LEGACY', validator: ValidString.in('LEGACY', 'PROLEPTIC_GREGORIAN'), importance: 'LOW',
      documentation: DATE_CALENDAR_SYSTEM_DOC, group, orderInGroup: order(), width: 'MEDIUM', displayName: 'Date Calendar System',
    });
}
