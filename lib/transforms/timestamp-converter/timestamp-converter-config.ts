/** TimestampConverter's keys and the settings `configure` derives from them. */
import type { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { isBlank } from '#lib/plugin/java-format';
import { ValidString } from '#lib/plugin/validators';
import { SimpleDateFormat } from '../date-format/simple-date-format';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY } from '../util/field-values';
import type { TimestampSettings, TimestampType, UnixPrecision } from './timestamp-translators';

export function timestampConverterConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'field', type: 'STRING', defaultValue: '', importance: 'HIGH', documentation: 'The field containing the timestamp, or empty if the entire value is a timestamp' })
    .define({
      name: 'target.type', type: 'STRING', defaultValue: NO_DEFAULT, validator: ValidString.in('string', 'unix', 'Date', 'Time', 'Timestamp'), importance: 'HIGH',
      documentation: 'The desired timestamp representation: string, unix, Date, Time, or Timestamp',
    })
    .define({
      name: 'format', type: 'STRING', defaultValue: '', importance: 'MEDIUM',
      documentation: 'A SimpleDateFormat-compatible format for the timestamp. Used to generate the output when type=string or used to parse the input if the input is a string.',
    })
    .define({
      name: 'unix.precision', type: 'STRING', defaultValue: 'milliseconds', validator: ValidString.in('nanoseconds', 'microseconds', 'milliseconds', 'seconds'), importance: 'LOW',
      documentation:
        'The desired Unix precision for the timestamp: seconds, milliseconds, microseconds, or nanoseconds. ' +
        'Used to generate the output when type=unix or used to parse the input if the input is a Long.' +
        'Note: This SMT will cause precision loss during conversions from, and to, values with sub-millisecond components.',
    })
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

export interface TimestampConverterSettings extends TimestampSettings {
  readonly field: string;
  readonly type: TimestampType;
  readonly replaceNullWithDefault: boolean;
}

export function timestampConverterSettings(config: AbstractConfig): TimestampConverterSettings {
  const type = config.getString('target.type') as TimestampType;
  const pattern = config.getString('format');
  if (type === 'string' && isBlank(pattern)) {
    throw new ConfigException('TimestampConverter requires format option to be specified when using string timestamps');
  }
  let format: SimpleDateFormat | null = null;
  if (!isBlank(pattern)) {
    try {
      format = new SimpleDateFormat(pattern as string);
    } catch {
      throw new ConfigException(`TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${pattern}`);
    }
  }
  return {
    field: config.getString('field') ?? '',
    type,
    format,
    unixPrecision: (config.getString('unix.precision') ?? 'milliseconds') as UnixPrecision,
    replaceNullWithDefault: config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true,
  };
}
