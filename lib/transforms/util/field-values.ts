/**
 * The `replace.null.with.default` switch most of Kafka's transformations have, and how they copy
 * a field between structs.
 */
import type { Field } from '#lib/data/field';
import type { Struct } from '#lib/data/struct';
import type { ConfigKeyDefinition } from '#lib/plugin/config-types';

export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';

export const REPLACE_NULL_WITH_DEFAULT_KEY: ConfigKeyDefinition = Object.freeze({
  name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
  type: 'BOOLEAN',
  defaultValue: true,
  importance: 'MEDIUM',
  documentation:
    'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
});

/**
 * The field's value, or its schema's default for a null when `replaceNullWithDefault` (Kafka's
 * `getFieldValue`). `field` must belong to the struct's schema. Only a field with a default needs
 * the by-name read; the others read the same either way.
 */
export function fieldValue(struct: Struct, field: Field, replaceNullWithDefault: boolean): unknown {
  return replaceNullWithDefault || field.schema.defaultValue === undefined ? struct.get(field) : struct.getWithoutDefault(field.name);
}

/**
 * Puts a value read from a field with the same schema. It was validated when first put, so only a
 * null needs checking again (`replace.null.with.default=false` may carry one into a required field).
 */
export function putCopied(target: Struct, field: Field, value: unknown): void {
  if (value === null || value === undefined) target.put(field, null);
  else target.putTrusted(field, value);
}
