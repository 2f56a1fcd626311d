import { javaClassOf, Schema, SchemaAndValue, type ConnectHeaders } from '#lib/data/index';
import { DataError } from '#lib/errors';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { Converter, ConverterConfigs, HeaderConverter } from './converter';
import { newConverterConfigDef, withConverterType } from './converter-config';

export const BOOLEAN_CONVERTER_CLASS = 'org.apache.kafka.connect.converters.BooleanConverter';
const CONFIG_DEF = newConverterConfigDef();

/** Kafka's `org.apache.kafka.connect.converters.BooleanConverter`: one byte, 0x01 or 0x00. */
export class BooleanConverter implements Converter, HeaderConverter {
  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: ConverterConfigs, isKey?: boolean): void {
    CONFIG_DEF.parse(isKey === undefined ? configs : withConverterType(configs, isKey));
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | undefined, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    if (schema != null && schema.type !== 'BOOLEAN') throw new DataError(`Invalid schema type for BooleanConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (typeof value !== 'boolean') throw new DataError(`BooleanConverter is not compatible with objects of type ${javaClassOf(value)}`);
    return Uint8Array.of(value ? 1 : 0);
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue {
    if (value === null || value === undefined) return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, null);
    const fail = (message: string): DataError => new DataError('Failed to deserialize boolean: ', { cause: new Error(message) });
    if (value.length !== 1) throw fail('Size of data received by BooleanDeserializer is not 1');
    const byte = value[0] as number;
    if (byte > 1) throw fail(`Unexpected byte received by BooleanDeserializer: ${(byte << 24) >> 24}`);
    return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, byte === 1);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, undefined, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, undefined, value);
  }
}
