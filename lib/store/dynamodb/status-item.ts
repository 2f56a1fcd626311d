/** A StatusRecord as a stored item, next to its connector's config under the same pk. `extra` is kept
 *  as canonical JSON text so arbitrary values (bigints included) round-trip exactly. */
import type { State, StatusRecord } from '#lib/store/types';
import { decodeJsonMap, encodeJsonMap } from '#lib/store/json/json-map';
import { ATTR, KIND, type Item } from '#lib/store/dynamodb/attributes';
import { numberField, optionalString, stringField } from '#lib/store/dynamodb/item-fields';
import { CONNECTOR_STATUS_SK, connectorPk, taskStatusSk } from '#lib/store/dynamodb/keys';

export function statusKey(connector: string, taskId?: number): Item {
  return { [ATTR.pk]: connectorPk(connector), [ATTR.sk]: taskId === undefined ? CONNECTOR_STATUS_SK : taskStatusSk(taskId) };
}

export function toStatusItem(status: StatusRecord): Item {
  const item: Item = {
    ...statusKey(status.connector, status.taskId),
    [ATTR.kind]: KIND.status,
    [ATTR.connector]: status.connector,
    [ATTR.state]: status.state,
    [ATTR.workerId]: status.workerId,
    [ATTR.incarnation]: status.incarnation,
    [ATTR.generation]: status.generation,
    [ATTR.updatedAt]: status.updatedAt,
  };
  if (status.taskId !== undefined) item[ATTR.taskId] = status.taskId;
  if (status.trace !== undefined) item[ATTR.trace] = status.trace;
  if (status.extra !== undefined) item[ATTR.extra] = encodeJsonMap(status.extra, 'Status extra');
  return item;
}

export function fromStatusItem(item: Item): StatusRecord {
  const status: StatusRecord = {
    connector: stringField(item, ATTR.connector),
    state: stringField(item, ATTR.state) as State,
    workerId: item[ATTR.workerId] === null ? null : stringField(item, ATTR.workerId),
    incarnation: stringField(item, ATTR.incarnation),
    generation: numberField(item, ATTR.generation),
    updatedAt: stringField(item, ATTR.updatedAt),
  };
  if (item[ATTR.taskId] !== undefined) status.taskId = numberField(item, ATTR.taskId);
  const trace = optionalString(item, ATTR.trace);
  if (trace !== undefined) status.trace = trace;
  const extra = optionalString(item, ATTR.extra);
  if (extra !== undefined) status.extra = decodeJsonMap(extra);
  return status;
}
