import type { ConfigDef } from '#lib/plugin/config-def';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import type { OtherPluginDescriptor } from '#lib/plugin/types';
import { BOOLEAN_CONVERTER_CLASS, BooleanConverter } from './boolean-converter';
import { BYTE_ARRAY_CONVERTER_CLASS, ByteArrayConverter } from './byte-array-converter';
import { JSON_CONVERTER_CLASS, JsonConverter } from './json/json-converter';
import { NUMBER_CODECS } from './number-codecs';
import { NumberConverter } from './number-converter';
import { SIMPLE_HEADER_CONVERTER_CLASS, SimpleHeaderConverter } from './simple-header-converter';
import { STRING_CONVERTER_CLASS, StringConverter } from './string-converter';

interface BuiltinConverter {
  className: string;
  create: () => { config(): ConfigDef };
  /** Kafka's class implements Converter as well as HeaderConverter. */
  converter: boolean;
}

const BUILTINS: readonly BuiltinConverter[] = [
  { className: JSON_CONVERTER_CLASS, create: () => new JsonConverter(), converter: true },
  { className: STRING_CONVERTER_CLASS, create: () => new StringConverter(), converter: true },
  { className: BYTE_ARRAY_CONVERTER_CLASS, create: () => new ByteArrayConverter(), converter: true },
  { className: BOOLEAN_CONVERTER_CLASS, create: () => new BooleanConverter(), converter: true },
  ...NUMBER_CODECS.map((codec) => ({
    className: `org.apache.kafka.connect.converters.${codec.className}`,
    create: () => new NumberConverter(codec),
    converter: true,
  })),
  { className: SIMPLE_HEADER_CONVERTER_CLASS, create: () => new SimpleHeaderConverter(), converter: false },
];

/** Descriptors of Kafka's built-in converters: each as `converter` (where Kafka's class is one) and `header_converter`. */
export function builtinConverterDescriptors(): OtherPluginDescriptor[] {
  return BUILTINS.flatMap(({ className, create, converter }) => {
    const configDef = (): ConfigDef => create().config();
    const header: OtherPluginDescriptor = { className, type: 'header_converter', configDef, create };
    return converter ? [{ className, type: 'converter', configDef, create }, header] : [header];
  });
}

/** Registers Kafka's built-in converters and header converters. */
export function registerBuiltinConverters(registry: PluginRegistry): PluginRegistry {
  return registry.register(...builtinConverterDescriptors());
}
