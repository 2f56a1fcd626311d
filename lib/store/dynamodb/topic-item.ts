/** A topic the connector used (KIP-558), one item per topic under the connector's pk. */
import { ATTR, KIND, type Item } from '#lib/store/dynamodb/attributes';
import { stringField } from '#lib/store/dynamodb/item-fields';
import { connectorPk, topicSk } from '#lib/store/dynamodb/keys';

export function toTopicItem(connector: string, topic: string): Item {
  return {
    [ATTR.pk]: connectorPk(connector),
    [ATTR.sk]: topicSk(topic),
    [ATTR.kind]: KIND.topic,
    [ATTR.connector]: connector,
    [ATTR.topic]: topic,
  };
}

export function topicOf(item: Item): string {
  return stringField(item, ATTR.topic);
}
