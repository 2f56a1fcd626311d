/** A ConnectorRecord as a stored item: config and task configs as DynamoDB maps (document values,
 *  so keys with dots or `#` need no escaping), listed through the sparse gsi1 index. */
import type { ConnectorRecord, TargetState } from '#lib/store/types';
import { ATTR, KIND, type Item } from '#lib/store/dynamodb/attributes';
import { numberField, stringField } from '#lib/store/dynamodb/item-fields';
import { CONFIG_SK, CONNECTORS_INDEX_PK, connectorPk } from '#lib/store/dynamodb/keys';

export function connectorKey(name: string): Item {
  return { [ATTR.pk]: connectorPk(name), [ATTR.sk]: CONFIG_SK };
}

export function toConnectorItem(record: ConnectorRecord): Item {
  return {
    ...connectorKey(record.name),
    [ATTR.gsi1pk]: CONNECTORS_INDEX_PK,
    [ATTR.gsi1sk]: record.name,
    [ATTR.kind]: KIND.connector,
    [ATTR.name]: record.name,
    [ATTR.config]: record.config,
    [ATTR.targetState]: record.targetState,
    [ATTR.taskConfigs]: record.taskConfigs,
    [ATTR.version]: record.version,
    [ATTR.generation]: record.generation,
    [ATTR.incarnation]: record.incarnation,
    [ATTR.createdAt]: record.createdAt,
    [ATTR.updatedAt]: record.updatedAt,
  };
}

export function fromConnectorItem(item: Item): ConnectorRecord {
  return {
    name: stringField(item, ATTR.name),
    config: (item[ATTR.config] ?? {}) as Record<string, string>,
    targetState: stringField(item, ATTR.targetState) as TargetState,
    taskConfigs: (item[ATTR.taskConfigs] ?? []) as Record<string, string>[],
    version: numberField(item, ATTR.version),
    generation: numberField(item, ATTR.generation),
    incarnation: stringField(item, ATTR.incarnation),
    createdAt: stringField(item, ATTR.createdAt),
    updatedAt: stringField(item, ATTR.updatedAt),
  };
}
