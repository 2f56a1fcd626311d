import { ConfigDef } from '#lib/plugin/config-def';
import { ValidString } from '#lib/plugin/validators';

/** How a converter is used (Kafka's ConverterType): the value of `converter.type`. */
export type ConverterType = 'key' | 'value' | 'header';

export const CONVERTER_TYPE_CONFIG = 'converter.type';

/** Kafka's `ConverterConfig.newConfigDef()`: every converter's ConfigDef starts with `converter.type`. */
export function newConverterConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: CONVERTER_TYPE_CONFIG,
    type: 'STRING',
    validator: ValidString.in('key', 'value', 'header'),
    importance: 'LOW',
    documentation: 'How this converter will be used.',
  });
}

/** The configs with `converter.type` set for a key or value converter (what Kafka's configure(map, isKey) does). */
export function withConverterType(configs: Readonly<Record<string, string>>, isKey: boolean): Record<string, string> {
  return { ...configs, [CONVERTER_TYPE_CONFIG]: isKey ? 'key' : 'value' };
}
