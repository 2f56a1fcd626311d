/**
 * A task's key, value and header converters, each with the class name the error handler reports.
 * The connector config's `key.converter` (with its `key.converter.*` keys) wins; otherwise the
 * worker's. Worker default (DEFAULT_WORKER_CONVERTERS): JsonConverter with schemas enabled for
 * keys and values, as Kafka's example worker configs (`connect-distributed.properties`) set it,
 * and SimpleHeaderConverter for headers, Kafka's worker default.
 */
import type { Converter, HeaderConverter } from '#lib/converters/converter';
import { createConverter, createHeaderConverter } from '#lib/converters/create-converter';
import { JSON_CONVERTER_CLASS } from '#lib/converters/json/json-converter';
import { SIMPLE_HEADER_CONVERTER_CLASS } from '#lib/converters/simple-header-converter';
import type { PluginRegistry } from '#lib/plugin/plugin-registry';

type Props = Readonly<Record<string, string>>;

export const DEFAULT_WORKER_CONVERTERS: Props = Object.freeze({
  'key.converter': JSON_CONVERTER_CLASS,
  'key.converter.schemas.enable': 'true',
  'value.converter': JSON_CONVERTER_CLASS,
  'value.converter.schemas.enable': 'true',
  'header.converter': SIMPLE_HEADER_CONVERTER_CLASS,
});

export interface ConverterSet {
  readonly key: Converter;
  readonly keyClass: string;
  readonly value: Converter;
  readonly valueClass: string;
  readonly header: HeaderConverter;
  readonly headerClass: string;
}

export function createConverterSet(registry: PluginRegistry, connectorConfig: Props, workerConfig: Props = DEFAULT_WORKER_CONVERTERS): ConverterSet {
  const className = (property: string, fallback?: string): string => {
    const name = connectorConfig[property] ?? workerConfig[property] ?? fallback ?? '';
    return registry.resolveClass(name) ?? name;
  };
  return {
    key: createConverter(registry, 'key', connectorConfig, workerConfig),
    keyClass: className('key.converter'),
    value: createConverter(registry, 'value', connectorConfig, workerConfig),
    valueClass: className('value.converter'),
    header: createHeaderConverter(registry, connectorConfig, workerConfig),
    headerClass: className('header.converter', SIMPLE_HEADER_CONVERTER_CLASS),
  };
}

export function closeConverters(set: ConverterSet): void {
  set.key.close?.();
  set.value.close?.();
  set.header.close?.();
}
