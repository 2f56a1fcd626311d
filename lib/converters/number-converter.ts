import { javaClassOf, SchemaAndValue, type ConnectHeaders, type Schema } from '#lib/data/index';
import { DataError } from '#lib/errors';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { Converter, ConverterConfigs, HeaderConverter } from './converter';
import { newConverterConfigDef, withConverterType } from './converter-config';
import type { NumberCodec } from './number-codecs';

const CONFIG_DEF = newConverterConfigDef();

/**
 * Kafka's NumberConverter family (`org.apache.kafka.connect.converters.IntegerConverter`, Long, Short,
 * Float, Double): one fixed-width big-endian number per record, read back with an optional schema of
 * that type. The schema given on write is ignored, as in Kafka.
 */
export class NumberConverter implements Converter, HeaderConverter {
  constructor(readonly codec: NumberCodec) {}

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: ConverterConfigs, isKey?: boolean): void {
    CONFIG_DEF.parse(isKey === undefined ? configs : withConverterType(configs, isKey));
  }

  fromConnectData(_topic: string, _headers: ConnectHeaders | undefined, _schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    if (!this.codec.accepts(value)) {
      throw new DataError(`Failed to serialize to ${this.codec.typeName} (was ${javaClassOf(value)}): `);
    }
    const bytes = new Uint8Array(this.codec.size);
    this.codec.write(new DataView(bytes.buffer), value);
    return bytes;
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | undefined, value: Uint8Array | null): SchemaAndValue {
    if (value === null || value === undefined) return new SchemaAndValue(this.codec.schema, null);
    if (value.length !== this.codec.size) {
      throw new DataError(`Failed to deserialize ${this.codec.typeName}: `, { cause: new Error(this.codec.sizeMessage) });
    }
    return new SchemaAndValue(this.codec.schema, this.codec.read(new DataView(value.buffer, value.byteOffset, value.byteLength)));
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, undefined, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, undefined, value);
  }
}
