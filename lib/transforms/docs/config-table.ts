/**
 * A plugin's ConfigDef as the Markdown key table of docs/transforms.md (Kafka's `ConfigDef.toHtml`
 * columns: key, type, default, valid values, importance, documentation), so the docs are derived
 * from the one declaration of each key; a test keeps the page in step with the definitions.
 */
import type { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT, type ConfigKey } from '#lib/plugin/config-types';
import { convertToString } from '#lib/plugin/parse-type';

export function configTable(def: ConfigDef): string {
  const keys = def.sortedConfigs();
  if (keys.length === 0) return '_No configuration keys._';
  const rows = keys.map((key) => `| \`${key.name}\` | ${key.type.toLowerCase()} | ${defaultOf(key)} | ${cell(key.validator ? String(key.validator) : '')} | ${key.importance.toLowerCase()} | ${cell(key.documentation ?? '')} |`);
  return ['| Key | Type | Default | Valid values | Importance | Documentation |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function defaultOf(key: ConfigKey): string {
  if (key.defaultValue === NO_DEFAULT) return '(required)';
  const text = convertToString(key.defaultValue, key.type);
  return text === null ? '`null`' : text === '' ? '`""`' : `\`${text}\``;
}

/** Kafka's doc strings carry a little HTML; Markdown cells need it plain and without pipes. */
function cell(text: string): string {
  return text
    .replace(/<code>(.*?)<\/code>/g, '`$1`')
    .replace(/<p\/>|<br\/>/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}
