import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyKafkajsPatches } from '#lib/kafka/kafkajs-patches';
import { PRODUCE_REQUEST_SWAP, type ProduceRequestFactory } from '#lib/kafka/kafkajs-produce-request';
import { useKafkajsOwn } from '#lib/kafka/kafkajs-swap';
import { NULL_HEADER_VALUE } from '#lib/kafka/kafkajs-null-header';
import { encodeProduceRequest, type ProduceMessage, type ProduceRequestArgs } from '#lib/kafka/produce-request-encoder';

const require = createRequire(import.meta.url);
const NOW = 1_763_700_000_123;

interface Long {
  readonly value: bigint;
}
const LongClass = require('kafkajs/src/utils/long.js') as { fromValue(v: unknown): Long };

let factory: ProduceRequestFactory;
/** Produce v5 (what kafkajs sends to Kafka 1.0+): v4–v7 take v3's request, as patched. */
let v5: ProduceRequestFactory;

beforeAll(() => {
  applyKafkajsPatches();
  factory = require('kafkajs/src/protocol/requests/produce/v3/request.js') as ProduceRequestFactory;
  v5 = require('kafkajs/src/protocol/requests/produce/v5/request.js') as ProduceRequestFactory;
});

afterEach(() => {
  useKafkajsOwn(PRODUCE_REQUEST_SWAP, false);
  vi.restoreAllMocks();
});

async function bytesWith(kind: 'one-pass' | 'kafkajs', args: ProduceRequestArgs, make: ProduceRequestFactory = factory): Promise<Buffer> {
  useKafkajsOwn(PRODUCE_REQUEST_SWAP, kind === 'kafkajs');
  vi.spyOn(Date, 'now').mockReturnValue(NOW);
  try {
    const encoded = (await make(args).encode()) as { buffer: Buffer };
    return Buffer.from(encoded.buffer);
  } finally {
    vi.restoreAllMocks();
    useKafkajsOwn(PRODUCE_REQUEST_SWAP, false);
  }
}

const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const keyOrValue = fc.oneof(bytes, text, fc.constant(null), fc.constant(undefined));
const headerValue = fc.oneof(bytes, text, fc.constant(NULL_HEADER_VALUE));
const headers = fc.option(fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 })), { maxKeys: 4 }), { nil: undefined });
/** Canonical non-negative integers, as numbers or strings, in lengths that make string order differ from numeric order. */
const timestamp = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.nat({ max: 2 ** 45 }),
  fc.nat({ max: 2 ** 45 }).map(String),
  fc.integer({ min: NOW - 100_000, max: NOW + 100_000 }).map(String),
  fc.constant(0),
);
const message: fc.Arbitrary<ProduceMessage> = fc.record({ key: keyOrValue, value: keyOrValue, timestamp, headers });
const partitions = fc.uniqueArray(
  fc.record({ partition: fc.nat({ max: 1000 }), firstSequence: fc.nat({ max: 2 ** 31 - 1 }), messages: fc.array(message, { maxLength: 12 }) }),
  { selector: (p) => p.partition, maxLength: 3 },
);
const request: fc.Arbitrary<ProduceRequestArgs> = fc.record({
  acks: fc.constantFrom(-1, 0, 1),
  timeout: fc.nat({ max: 120_000 }),
  transactionalId: fc.option(text, { nil: undefined }),
  // kafkajs's eosManager holds -1 or the decimal string InitProducerId returned; its default is a Long.
  producerId: fc.oneof(fc.constant(-1), fc.constant(undefined), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String), fc.bigInt({ min: 0n, max: 2n ** 62n }).map((v) => LongClass.fromValue(v))),
  producerEpoch: fc.nat({ max: 32_767 }),
  topicData: fc.array(fc.record({ topic: text, partitions }), { maxLength: 3 }),
});

describe('the one-pass Produce request encoder', () => {
  it("writes the bytes kafkajs's own encoder writes, for any request", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (args) => {
        expect(encodeProduceRequest(args)).toBeDefined();
        expect((await bytesWith('one-pass', args)).equals(await bytesWith('kafkajs', args))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is what Produce v5 requests encode with (v4–v7 take the v3 request kafkajs loaded after the patch)', async () => {
    const args: ProduceRequestArgs = {
      acks: -1,
      timeout: 30_000,
      producerId: LongClass.fromValue(7),
      producerEpoch: 1,
      topicData: [{ topic: 'orders', partitions: [{ partition: 0, firstSequence: 3, messages: [{ key: Buffer.from('k'), value: Buffer.alloc(1000, 1), timestamp: String(NOW), headers: { h: Buffer.from('v') } }] }] }],
    };
    const ours = await bytesWith('one-pass', args, v5);
    expect(ours.equals(await bytesWith('kafkajs', args, v5))).toBe(true);
    expect(ours.equals(encodeProduceRequest(args, () => NOW) as Buffer)).toBe(true);
  });

  it('writes a null header value as length -1', () => {
    const args: ProduceRequestArgs = { acks: -1, timeout: 1000, topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [{ key: null, value: null, timestamp: '5', headers: { a: NULL_HEADER_VALUE } }] }] }] };
    const encoded = encodeProduceRequest(args, () => NOW) as Buffer;
    // ... value varint(-1) = 0x01, one header: varint(1) = 0x02, key "a", value varint(-1) = 0x01
    expect(encoded.subarray(-5).toString('hex')).toBe('0102026101');
  });

  it.each([
    ['a compressed batch', { compression: 1 }],
    ['a non-canonical timestamp string', { timestamp: '0017' }],
    ['a negative timestamp', { timestamp: -1 }],
    ['a Uint8Array value', { value: new Uint8Array([1, 2]) }],
    ['a null header value', { headers: { h: null } }],
    ['headers that are not an object', { headers: 'h' }],
  ])('leaves %s to kafkajs', async (_, change) => {
    const { compression, ...messageChange } = change as { compression?: number } & Partial<ProduceMessage>;
    const args: ProduceRequestArgs = {
      acks: -1,
      timeout: 1000,
      ...(compression === undefined ? {} : { compression }),
      topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [{ key: null, value: Buffer.from('v'), timestamp: '5', ...messageChange }] }] }],
    };
    expect(encodeProduceRequest(args)).toBeUndefined();
    const theirs = bytesWith('kafkajs', args).then(
      (b) => b.toString('hex'),
      (err: unknown) => `threw ${String(err)}`,
    );
    const ours = bytesWith('one-pass', args).then(
      (b) => b.toString('hex'),
      (err: unknown) => `threw ${String(err)}`,
    );
    expect(await ours).toBe(await theirs);
  });
});
