import { Schema, SchemaAndValue, type ConnectHeaders } from '#lib/data/index';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { Converter, ConverterConfigs, HeaderConverter } from './converter';
import { newConverterConfigDef, withConverterType } from './converter-config';
import { javaCharset, type JavaCharset } from './java-charset';
import { javaToString } from './java-to-string';

export const STRING_CONVERTER_CLASS = 'org.apache.kafka.connect.storage.StringConverter';
export const ENCODING_CONFIG = 'converter.encoding';

/** Kafka's StringConverterConfig. */
export const STRING_CONVERTER_CONFIG_DEF: ConfigDef = newConverterConfigDef().define({
  name: ENCODING_CONFIG, type: 'STRING', defaultValue: 'UTF-8', importance: 'HIGH',
  documentation: 'The name of the Java character set to use for encoding strings as byte arrays.',
  group: null, orderInGroup: -1, width: 'MEDIUM', displayName: 'Encoding',
});

/**
 * Kafka's `org.apache.kafka.connect.storage.StringConverter`: values are written as their string form
 * in `converter.encoding` (Kafka's serializer keys `key.serializer.encoding` / `value.serializer.encoding`
 * still take precedence, as they do there); bytes are read back as an optional string.
 */
export class StringConverter implements Converter, HeaderConverter {
  #serializer: JavaCharset = javaCharset('UTF-8');
  #deserializer: JavaCharset = javaCharset('UTF-8');

  config(): ConfigDef {
    return STRING_CONVERTER_CONFIG_DEF;
  }

  configure(configs: ConverterConfigs, isKey?: boolean): void {
    const props = isKey === undefined ? configs : withConverterType(configs, isKey);
    const values = STRING_CONVERTER_CONFIG_DEF.parse(props);
    const encoding = values[ENCODING_CONFIG] as string;
    const side = values['converter.type'] === 'key' ? 'key' : 'value';
    this.#serializer = javaCharset(props[`${side}.serializer.encoding`] ?? encoding);
    this.#deserializer = javaCharset(props[`${side}.deserializer.encoding`] ?? encoding);
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | undefined, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    return value === null || value === undefined ? null : this.#serializer.encode(javaToString(schema, value));
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value === null || value === undefined ? null : this.#deserializer.decode(value));
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, undefined, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, undefined, value);
  }
}
