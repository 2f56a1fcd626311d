/**
 * A fenced offset write: the offset item plus the writer's fence, put on the condition that the
 * stored fence (if any) is not newer (see FencedOffsetStore). Unfenced writes put the item without
 * the fence attributes, which is what lets the REST offsets API reset a partition at any time.
 */
import type { OffsetFence } from '#lib/store/types';
import { ATTR, type Item } from '#lib/store/dynamodb/attributes';

export function withFence(item: Item, fence: OffsetFence): Item {
  return {
    ...item,
    [ATTR.fenceIncarnation]: fence.incarnation,
    [ATTR.fenceGeneration]: fence.generation,
    [ATTR.fenceEpoch]: fence.epoch,
  };
}

export function fenceCondition(fence: OffsetFence) {
  const inc = `#${ATTR.fenceIncarnation}`;
  const gen = `#${ATTR.fenceGeneration}`;
  const epoch = `#${ATTR.fenceEpoch}`;
  return {
    ConditionExpression: `attribute_not_exists(${gen}) OR ${inc} <> :inc OR ${gen} < :gen OR (${gen} = :gen AND ${epoch} <= :epoch)`,
    ExpressionAttributeNames: { [inc]: ATTR.fenceIncarnation, [gen]: ATTR.fenceGeneration, [epoch]: ATTR.fenceEpoch },
    ExpressionAttributeValues: { ':inc': fence.incarnation, ':gen': fence.generation, ':epoch': fence.epoch },
  };
}
