import { describe, expect, it } from 'vitest';
import { compareStrings } from '#lib/store/compare-strings';
import { connectorPk, offsetSk, offsetsPk, taskStatusSk } from '#lib/store/dynamodb/keys';

describe('state table keys', () => {
  it('zero-pads task ids so that sort keys order tasks numerically', () => {
    const ids = [0, 2, 9, 10, 11, 100, 2_147_483_647];
    const sorted = ids.map(taskStatusSk).sort(compareStrings);
    expect(sorted).toEqual(ids.map(taskStatusSk));
    expect(taskStatusSk(12)).toBe('status#task#0000000012');
  });

  it('gives offsets a partition key apart from the connector', () => {
    expect(offsetsPk('orders')).not.toBe(connectorPk('orders'));
  });

  it('uses the partition JSON as the offset sort key while it fits in 1024 bytes', () => {
    const fits = `{"f":"${'é'.repeat(508)}"}`;
    expect(Buffer.byteLength(fits)).toBe(1024);
    expect(offsetSk(fits)).toBe(fits);
    expect(offsetSk(`{"f":"${'é'.repeat(509)}"}`)).toMatch(/^sha256#[0-9a-f]{64}$/);
  });
});
