/**
 * Kafka's `ConnectorUtils.groupPartitions`: splits `elements` into `numGroups` contiguous groups in
 * order, the first `size % numGroups` groups one element larger. Groups may be empty.
 */
export function groupPartitions<T>(elements: readonly T[], numGroups: number): T[][] {
  if (numGroups <= 0) throw new RangeError('Number of groups must be positive.');
  const perGroup = Math.floor(elements.length / numGroups);
  const leftover = elements.length - numGroups * perGroup;
  const groups: T[][] = [];
  let assigned = 0;
  for (let group = 0; group < numGroups; group++) {
    const size = group < leftover ? perGroup + 1 : perGroup;
    groups.push(elements.slice(assigned, assigned + size));
    assigned += size;
  }
  return groups;
}
