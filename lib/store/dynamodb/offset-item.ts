/**
 * A source offset as a stored item, under the connector's own offsets pk so it outlives the connector.
 * Partition and offset are canonical JSON text: exact for 64-bit integers, and the partition text (or
 * its hash, when too long for a sort key) is the sort key, independent of the map's key order.
 */
import type { OffsetEntry } from '#lib/store/types';
import { decodeJsonMap } from '#lib/store/json/json-map';
import { ATTR, KIND, type Item } from '#lib/store/dynamodb/attributes';
import { stringField } from '#lib/store/dynamodb/item-fields';
import { offsetSk, offsetsPk } from '#lib/store/dynamodb/keys';

export function offsetKey(connector: string, partitionJson: string): Item {
  return { [ATTR.pk]: offsetsPk(connector), [ATTR.sk]: offsetSk(partitionJson) };
}

export function toOffsetItem(connector: string, partitionJson: string, offsetJson: string): Item {
  return {
    ...offsetKey(connector, partitionJson),
    [ATTR.kind]: KIND.offset,
    [ATTR.connector]: connector,
    [ATTR.partition]: partitionJson,
    [ATTR.offset]: offsetJson,
  };
}

export function fromOffsetItem(item: Item): OffsetEntry & { partitionJson: string } {
  const partitionJson = stringField(item, ATTR.partition);
  return {
    partitionJson,
    partition: decodeJsonMap(partitionJson),
    offset: decodeJsonMap(stringField(item, ATTR.offset)),
  };
}
