/**
 * The key table of a connector for docs/connectors.md, rendered by the transforms' `configTable`
 * after turning Confluent's RST-flavoured doc strings (``code``, line breaks, `*` bullets) into
 * Markdown a table cell can hold. Internal keys (written by the connector itself) are left out.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
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
  return configTable(documented);
}

function markdownCell(text: string): string {
  return text
    .replace(/``([^`]*)``/g, '`$1`')
    .trim()
    .replace(/\s*\n\s*\*\s*/g, '<br>• ')
    .replace(/\s*\n\s*/g, '<br>');
}
