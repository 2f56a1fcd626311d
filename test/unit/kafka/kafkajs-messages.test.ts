import { describe, expect, it } from 'vitest';
import { toKafkajsMessage } from '#lib/kafka/kafkajs-messages';
import { NULL_HEADER_VALUE } from '#lib/kafka/kafkajs-null-header';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('toKafkajsMessage', () => {
  it('wraps key and value bytes as Buffers over the same memory', () => {
    const backing = bytes('xxkeyvalue');
    const key = backing.subarray(2, 5);

    const message = toKafkajsMessage({ topic: 't', key, value: backing.subarray(5), headers: [] }, 1);

    expect(Buffer.isBuffer(message.key)).toBe(true);
    expect(message.key?.toString()).toBe('key');
    expect((message.key as Buffer).buffer).toBe(backing.buffer);
    expect(message.value?.toString()).toBe('value');
  });

  it('keeps null keys and values, and stamps the timestamp as a string', () => {
    const message = toKafkajsMessage({ topic: 't', key: null, value: null, headers: [] }, 1_700_000_000_000);

    expect([message.key, message.value, message.timestamp, message.headers]).toEqual([null, null, '1700000000000', undefined]);
  });

  it('passes an explicit partition through', () => {
    expect(toKafkajsMessage({ topic: 't', partition: 3, key: null, value: null, headers: [] }, 1).partition).toBe(3);
  });

  it('turns headers into kafkajs form: repeated keys become a list, a null value the null sentinel', () => {
    const message = toKafkajsMessage({ topic: 't', key: null, value: null, headers: [{ key: 'a', value: bytes('1') }, { key: 'n', value: null }, { key: 'a', value: bytes('2') }] }, 1);

    expect(Object.keys(message.headers ?? {})).toEqual(['a', 'n']);
    expect((message.headers?.a as Buffer[]).map(String)).toEqual(['1', '2']);
    expect(message.headers?.n).toBe(NULL_HEADER_VALUE);
  });

  it('keeps a header named __proto__ as a header', () => {
    const message = toKafkajsMessage({ topic: 't', key: null, value: null, headers: [{ key: '__proto__', value: bytes('x') }] }, 1);

    expect(Object.keys(message.headers ?? {})).toEqual(['__proto__']);
  });
});
