/**
 * The transformations that ship with Kafka Connect (`connect-transforms`), under Kafka's class
 * names, `$Key` / `$Value` variants included (Kafka's service file lists the same 26 classes).
 */
import type { PluginRegistry } from '#lib/plugin/plugin-registry';
import { castKeyDescriptor, castValueDescriptor } from './cast/cast';
import { dropHeadersDescriptor } from './drop-headers';
import { extractFieldKeyDescriptor, extractFieldValueDescriptor } from './extract-field';
import { filterDescriptor } from './filter';
import { flattenKeyDescriptor, flattenValueDescriptor } from './flatten/flatten';
import { headerFromKeyDescriptor, headerFromValueDescriptor } from './header-from';
import { hoistFieldKeyDescriptor, hoistFieldValueDescriptor } from './hoist-field';
import { insertFieldKeyDescriptor, insertFieldValueDescriptor } from './insert-field';
import { insertHeaderDescriptor } from './insert-header';
import { maskFieldKeyDescriptor, maskFieldValueDescriptor } from './mask-field';
import { regexRouterDescriptor } from './regex-router';
import { replaceFieldKeyDescriptor, replaceFieldValueDescriptor } from './replace-field';
import { setSchemaMetadataKeyDescriptor, setSchemaMetadataValueDescriptor } from './set-schema-metadata';
import { timestampConverterKeyDescriptor, timestampConverterValueDescriptor } from './timestamp-converter/timestamp-converter';
import { timestampRouterDescriptor } from './timestamp-router';
import type { TransformationDescriptor } from './transformation';
import { valueToKeyDescriptor } from './value-to-key';

export const BUILTIN_TRANSFORMS: readonly TransformationDescriptor[] = Object.freeze([
  castKeyDescriptor, castValueDescriptor,
  dropHeadersDescriptor,
  extractFieldKeyDescriptor, extractFieldValueDescriptor,
  filterDescriptor,
  flattenKeyDescriptor, flattenValueDescriptor,
  headerFromKeyDescriptor, headerFromValueDescriptor,
  hoistFieldKeyDescriptor, hoistFieldValueDescriptor,
  insertFieldKeyDescriptor, insertFieldValueDescriptor,
  insertHeaderDescriptor,
  maskFieldKeyDescriptor, maskFieldValueDescriptor,
  regexRouterDescriptor,
  replaceFieldKeyDescriptor, replaceFieldValueDescriptor,
  setSchemaMetadataKeyDescriptor, setSchemaMetadataValueDescriptor,
  timestampConverterKeyDescriptor, timestampConverterValueDescriptor,
  timestampRouterDescriptor,
  valueToKeyDescriptor,
]);

export function registerBuiltinTransforms(registry: PluginRegistry): PluginRegistry {
  return registry.register(...BUILTIN_TRANSFORMS);
}
