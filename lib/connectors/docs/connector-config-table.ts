/**
 * The key table of a connector for docs/connectors.md, rendered by the transforms' `configTable`
 * after turning Confluent's RST-flavoured doc strings (``code``, line breaks, `*` bullets) into
 * Markdown a table cell can hold, and escaping pipes in defaults. Internal keys (written by the
 * connector itself) are left out.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { convertToString } from '#lib/plugin/parse-type';
import { configTable } from '#lib/transforms/docs/config-table';

export function connectorConfigTable(def: ConfigDef): string {
  const documented = new ConfigDef();
  for (const key of def.sortedConfigs()) {
    if (key.internalConfig) continue;
    documented.define({
      name: key.name,
      type: key.type,
      defaultValue: key.defaultValue === NO_DEFAULT ? undefined : key.defaultValue,
      validator: key.validator,
      importance: key.importance,
      documentation: markdownCell(key.documentation ?? ''),
      group: key.group,
      orderInGroup: key.orderInGroup,
    });
  }
  return escapePipesInDefaults(configTable(documented), def);
}

/** A default such as `|` (header.separator) would end its table cell; GFM reads `\|` as a pipe. */
function escapePipesInDefaults(table: string, def: ConfigDef): string {
  return table
    .split('\n')
    .map((row) => {
      const key = def.configKeys().get(/^\| `([^`]+)` \|/.exec(row)?.[1] ?? '');
      const text = key === undefined || key.defaultValue === NO_DEFAULT ? null : convertToString(key.defaultValue, key.type);
      return text?.includes('|') ? row.replace(`| \`${text}\` |`, `| \`${text.replace(/\|/g, '\\|')}\` |`) : row;
    })
    .join('\n');
}

function markdownCell(text: string): string {
  return text
    .replace(/``([^`]*)``/g, '`$1`')
    .trim()
    .replace(/\s*\n\s*\*\s*/g, '<br>• ')
    .replace(/\s*\n\s*/g, '<br>');
}
