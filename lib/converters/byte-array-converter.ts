import { javaClassOf, Schema, SchemaAndValue, type ConnectHeaders } from '#lib/data/index';
import { DataError } from '#lib/errors';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { Converter, ConverterConfigs, HeaderConverter } from './converter';
import { newConverterConfigDef } from './converter-config';

export const BYTE_ARRAY_CONVERTER_CLASS = 'org.apache.kafka.connect.converters.ByteArrayConverter';
const CONFIG_DEF = newConverterConfigDef();

/** Kafka's `org.apache.kafka.connect.converters.ByteArrayConverter`: bytes pass through untouched. */
export class ByteArrayConverter implements Converter, HeaderConverter {
  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(_configs: ConverterConfigs, _isKey?: boolean): void {}

  fromConnectData(_topic: string, _headers: ConnectHeaders | undefined, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    if (schema != null && schema.type !== 'BYTES') throw new DataError(`Invalid schema type for ByteArrayConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (!(value instanceof Uint8Array)) throw new DataError(`ByteArrayConverter is not compatible with objects of type ${javaClassOf(value)}`);
    return value;
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value ?? null);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, undefined, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, undefined, value);
  }
}
