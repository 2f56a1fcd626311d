import { newConverterConfigDef, type ConverterType } from '#lib/converters/converter-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import { CaseInsensitiveValidString } from '#lib/plugin/validators';
import type { DecimalFormat, JsonConversionOptions } from './json-write-options';

export const SCHEMAS_ENABLE_CONFIG = 'schemas.enable';
export const SCHEMAS_CACHE_SIZE_CONFIG = 'schemas.cache.size';
export const DECIMAL_FORMAT_CONFIG = 'decimal.format';
export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';

/** Kafka's JsonConverterConfig: same keys, defaults, groups, order and documentation. */
export const JSON_CONVERTER_CONFIG_DEF: ConfigDef = newConverterConfigDef()
  .define({
    name: SCHEMAS_ENABLE_CONFIG, type: 'BOOLEAN', defaultValue: true, importance: 'HIGH',
    documentation: 'Include schemas within each of the serialized values and keys.',
    group: 'Schemas', orderInGroup: 0, width: 'MEDIUM', displayName: 'Enable Schemas',
  })
  .define({
    name: SCHEMAS_CACHE_SIZE_CONFIG, type: 'INT', defaultValue: 1000, importance: 'HIGH',
    documentation: 'The maximum number of schemas that can be cached in this converter instance.',
    group: 'Schemas', orderInGroup: 1, width: 'MEDIUM', displayName: 'Schema Cache Size',
  })
  .define({
    name: DECIMAL_FORMAT_CONFIG, type: 'STRING', defaultValue: 'BASE64',
    validator: CaseInsensitiveValidString.in('BASE64', 'NUMERIC'), importance: 'LOW',
    documentation: "Controls which format this converter will serialize decimals in. This value is case insensitive and can be either 'BASE64' (default) or 'NUMERIC'",
    group: 'Serialization', orderInGroup: 0, width: 'MEDIUM', displayName: 'Decimal Format',
  })
  .define({
    name: REPLACE_NULL_WITH_DEFAULT_CONFIG, type: 'BOOLEAN', defaultValue: true, importance: 'LOW',
    documentation: 'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
    group: 'Serialization', orderInGroup: 1, width: 'MEDIUM', displayName: 'Replace null with default',
  });

export interface JsonConverterConfig extends JsonConversionOptions {
  readonly type: ConverterType;
  readonly schemasEnabled: boolean;
  readonly schemaCacheSize: number;
}

/** Parses and validates the settings; a ConfigException (InvalidConfigError) names the bad key. */
export function parseJsonConverterConfig(props: Readonly<Record<string, string>>): JsonConverterConfig {
  const values = JSON_CONVERTER_CONFIG_DEF.parse(props);
  return {
    type: values['converter.type'] as ConverterType,
    schemasEnabled: values[SCHEMAS_ENABLE_CONFIG] as boolean,
    schemaCacheSize: values[SCHEMAS_CACHE_SIZE_CONFIG] as number,
    decimalFormat: (values[DECIMAL_FORMAT_CONFIG] as string).toUpperCase() as DecimalFormat,
    replaceNullWithDefault: values[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean,
  };
}
