import { describe, expect, it } from 'vitest';
import { groupPartitions } from '#lib/connectors/group-partitions';

describe('groupPartitions', () => {
  it('gives the first groups one extra element, keeping order', () => {
    expect(groupPartitions([1, 2, 3, 4, 5], 3)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('leaves groups empty when there are fewer elements than groups', () => {
    expect(groupPartitions(['a'], 3)).toEqual([['a'], [], []]);
  });

  it('rejects a non-positive number of groups', () => {
    expect(() => groupPartitions([1], 0)).toThrow('Number of groups must be positive.');
  });
});
