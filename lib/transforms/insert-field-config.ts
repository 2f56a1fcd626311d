/** InsertField's keys, and the settings `configure` derives from them (Kafka's `InsertionSpec`s). */
import type { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { REPLACE_NULL_WITH_DEFAULT_CONFIG, REPLACE_NULL_WITH_DEFAULT_KEY } from './util/field-values';

const OPTIONALITY_DOC = 'Suffix with <code>!</code> to make this a required field, or <code>?</code> to keep it optional (the default).';

export function insertFieldConfigDef(): ConfigDef {
  const field = (name: string, documentation: string) => ({ name, type: 'STRING' as const, defaultValue: null, importance: 'MEDIUM' as const, documentation });
  return new ConfigDef()
    .define(field('topic.field', `Field name for Kafka topic. ${OPTIONALITY_DOC}`))
    .define(field('partition.field', `Field name for Kafka partition. ${OPTIONALITY_DOC}`))
    .define(field('offset.field', `Field name for Kafka offset - only applicable to sink connectors.<br/>${OPTIONALITY_DOC}`))
    .define(field('timestamp.field', `Field name for record timestamp. ${OPTIONALITY_DOC}`))
    .define(field('static.field', `Field name for static data field. ${OPTIONALITY_DOC}`))
    .define(field('static.value', 'Static field value, if field name configured.'))
    .define(REPLACE_NULL_WITH_DEFAULT_KEY);
}

/** A field to insert: `name!` is required, `name?` and `name` optional. */
export interface InsertionSpec {
  readonly name: string;
  readonly optional: boolean;
}

export interface InsertFieldSettings {
  readonly topicField: InsertionSpec | null;
  readonly partitionField: InsertionSpec | null;
  readonly offsetField: InsertionSpec | null;
  readonly timestampField: InsertionSpec | null;
  readonly staticField: InsertionSpec | null;
  readonly staticValue: string | null;
  readonly replaceNullWithDefault: boolean;
}

export function parseInsertionSpec(spec: string | null): InsertionSpec | null {
  if (spec === null) return null;
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), optional: true };
  if (spec.endsWith('!')) return { name: spec.slice(0, -1), optional: false };
  return { name: spec, optional: true };
}

export function insertFieldSettings(config: AbstractConfig): InsertFieldSettings {
  const settings: InsertFieldSettings = {
    topicField: parseInsertionSpec(config.getString('topic.field')),
    partitionField: parseInsertionSpec(config.getString('partition.field')),
    offsetField: parseInsertionSpec(config.getString('offset.field')),
    timestampField: parseInsertionSpec(config.getString('timestamp.field')),
    staticField: parseInsertionSpec(config.getString('static.field')),
    staticValue: config.getString('static.value'),
    replaceNullWithDefault: config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true,
  };
  const { topicField, partitionField, offsetField, timestampField, staticField } = settings;
  if (!topicField && !partitionField && !offsetField && !timestampField && !staticField) {
    throw new ConfigException('No field insertion configured');
  }
  if (staticField && settings.staticValue === null) {
    // Kafka prints the InsertionSpec object here, whose toString is Java's default `Class@hash`.
    throw new ConfigException('static.value', null, `No value specified for static field: org.apache.kafka.connect.transforms.InsertField$InsertionSpec@${javaHashHex(staticField.name)}`);
  }
  return settings;
}

/** A stable stand-in for the identity hash Java prints (the name's `String.hashCode`, in hex). */
function javaHashHex(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(16);
}
