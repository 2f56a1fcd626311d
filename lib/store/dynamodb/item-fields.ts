/** Typed reads of stored attributes. Numbers go through Number() so a client configured with
 *  wrapNumbers (NumberValue) reads the same. */
import { InternalError } from '#lib/errors';
import type { Item } from '#lib/store/dynamodb/attributes';

export function stringField(item: Item, attribute: string): string {
  const value = item[attribute];
  if (typeof value !== 'string') throw malformed(item, attribute);
  return value;
}

export function numberField(item: Item, attribute: string): number {
  const value = Number(item[attribute]);
  if (item[attribute] === undefined || item[attribute] === null || Number.isNaN(value)) throw malformed(item, attribute);
  return value;
}

export function optionalString(item: Item, attribute: string): string | undefined {
  return item[attribute] === undefined ? undefined : stringField(item, attribute);
}

function malformed(item: Item, attribute: string): InternalError {
  return new InternalError(`Stored item ${String(item.pk)} / ${String(item.sk)} has no valid ${attribute}`);
}
