import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, javaStringHash } from '#lib/plugin/java-hash-order';

// Expected orders were printed by a JDK 17 HashSet/HashMap with the same insertions.
describe('javaHashMapOrder', () => {
  it('orders the exactly.once.support values as a HashSet does', () => {
    expect(javaHashMapOrder(['REQUESTED', 'REQUIRED'])).toEqual(['REQUIRED', 'REQUESTED']);
  });

  it('orders the transaction.boundary values as a HashSet does', () => {
    expect(javaHashMapOrder(['POLL', 'INTERVAL', 'CONNECTOR'])).toEqual(['INTERVAL', 'POLL', 'CONNECTOR']);
  });

  it('orders JsonConverter keys as a HashMap does', () => {
    const keys = ['converter.type', 'schemas.enable', 'schemas.cache.size', 'decimal.format', 'replace.null.with.default'];
    expect(javaHashMapOrder(keys)).toEqual(['decimal.format', 'converter.type', 'schemas.cache.size', 'replace.null.with.default', 'schemas.enable']);
  });

  it('follows the table through resizes', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `key${i}x`);
    expect(javaHashMapOrder(keys).slice(0, 8)).toEqual(['key11x', 'key33x', 'key23x', 'key31x', 'key21x', 'key15x', 'key37x', 'key27x']);
    expect(javaHashMapOrder(keys).slice(-4)).toEqual(['key4x', 'key6x', 'key0x', 'key2x']);
  });

  it('keeps one entry per key', () => {
    expect(javaHashMapOrder(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });
});

describe('javaStringHash', () => {
  it('computes String.hashCode with 32-bit overflow', () => {
    expect([javaStringHash(''), javaStringHash('a'), javaStringHash('hello world')]).toEqual([0, 97, 1794106052]);
  });
});
