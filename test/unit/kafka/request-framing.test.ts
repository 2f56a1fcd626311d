import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '#lib/kafka/kafkajs';
import { asKafkajsEncoder } from '#lib/kafka/kafkajs-encoder';
import { frameRequest, kafkajsFrameRequest, requestFramingInstalled } from '#lib/kafka/kafkajs-request-framing';

describe('frameRequest', () => {
  it("is what kafkajs's connections in this process use (the swap ran before kafkajs loaded)", () => {
    expect(requestFramingInstalled()).toBe(true);
  });

  it("frames any request as kafkajs's own framing does, byte for byte", async () => {
    const kafkajs = kafkajsFrameRequest();
    expect(kafkajs).not.toBe(frameRequest);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 70 }),
        fc.nat({ max: 15 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constant(null), fc.constant(undefined)),
        fc.uint8Array({ maxLength: 5000 }),
        async (apiKey, apiVersion, correlationId, clientId, body) => {
          const args = { correlationId, clientId, request: { apiKey, apiVersion, encode: () => Promise.resolve(asKafkajsEncoder(Buffer.from(body))) } };
          const ours = (await frameRequest(args)).buffer;
          expect(ours.equals((await kafkajs(args)).buffer)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a body that is not an Encoder with the error kafkajs gives', async () => {
    const args = { correlationId: 1, clientId: 'c', request: { apiKey: 0, apiVersion: 3, encode: () => Promise.resolve(Buffer.from('raw')) } };
    await expect(kafkajsFrameRequest()(args)).rejects.toThrow('value should be an instance of Encoder');
    await expect(frameRequest(args)).rejects.toThrow('value should be an instance of Encoder');
  });
});
