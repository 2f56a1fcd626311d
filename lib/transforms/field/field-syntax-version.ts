/**
 * KIP-821's `field.syntax.version` (Kafka's `transforms.field.FieldSyntaxVersion`): `V1` (the
 * default) names a top-level field, `V2` a nested one in dotted notation with backtick quoting.
 */
import type { AbstractConfig } from '#lib/plugin/abstract-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { CaseInsensitiveValidString } from '#lib/plugin/validators';

export type FieldSyntaxVersion = 'V1' | 'V2';

export const FIELD_SYNTAX_VERSION_CONFIG = 'field.syntax.version';
export const FIELD_SYNTAX_VERSION_DEFAULT: FieldSyntaxVersion = 'V1';
export const FIELD_SYNTAX_VERSION_DOC =
  'Defines the version of the syntax to access fields. ' +
  'If set to `V1`, then the field paths are limited to access the elements at the root level of the struct or map. ' +
  'If set to `V2`, the syntax will support accessing nested elements. ' +
  'To access nested elements, dotted notation is used. ' +
  'If dots are already included in the field name, ' +
  'then backtick pairs can be used to wrap field names containing dots. ' +
  'E.g. to access the subfield `baz` from a field named "foo.bar" in a struct/map ' +
  'the following format can be used to access its elements: "`foo.bar`.baz".';

/** Adds the `field.syntax.version` key to a transformation's definition. */
export function appendFieldSyntaxVersionConfig(configDef: ConfigDef): ConfigDef {
  return configDef.define({
    name: FIELD_SYNTAX_VERSION_CONFIG, type: 'STRING', defaultValue: FIELD_SYNTAX_VERSION_DEFAULT,
    validator: CaseInsensitiveValidString.in('V1', 'V2'), importance: 'HIGH', documentation: FIELD_SYNTAX_VERSION_DOC,
  });
}

export function fieldSyntaxVersionFrom(config: AbstractConfig): FieldSyntaxVersion {
  const text = config.getString(FIELD_SYNTAX_VERSION_CONFIG) ?? '';
  const version = text.toUpperCase();
  if (version !== 'V1' && version !== 'V2') throw new ConfigException(FIELD_SYNTAX_VERSION_CONFIG, text, 'Unrecognized field syntax version');
  return version;
}
