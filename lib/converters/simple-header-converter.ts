import { Schema, SchemaAndValue } from '#lib/data/index';
import { Values } from '#lib/data/values';
import { ConfigDef } from '#lib/plugin/config-def';
import type { ConverterConfigs, HeaderConverter } from './converter';
import { plainHeaderText } from './plain-header-text';

export const SIMPLE_HEADER_CONVERTER_CLASS = 'org.apache.kafka.connect.storage.SimpleHeaderConverter';
const CONFIG_DEF = new ConfigDef();
const utf8 = new TextDecoder('utf-8');

/**
 * Kafka's `org.apache.kafka.connect.storage.SimpleHeaderConverter`, the default header converter:
 * values are written as their `Values.convertToString` form in UTF-8 and read back with
 * `Values.parseString`, which infers the schema; a header that cannot be parsed is kept as bytes.
 */
export class SimpleHeaderConverter implements HeaderConverter {
  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(_configs: ConverterConfigs): void {}

  toConnectHeader(_topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    if (value === null || value === undefined) return SchemaAndValue.NULL;
    const plain = plainHeaderText(value);
    if (plain !== undefined) return new SchemaAndValue(Schema.STRING_SCHEMA, plain);
    try {
      return Values.parseString(utf8.decode(value)) ?? SchemaAndValue.NULL;
    } catch {
      return new SchemaAndValue(Schema.BYTES_SCHEMA, value);
    }
  }

  fromConnectHeader(_topic: string, _headerKey: string, schema: Schema | null | undefined, value: unknown): Uint8Array | null {
    const text = Values.convertToString(schema, value);
    return text === null ? null : Buffer.from(text, 'utf8');
  }
}
