import { describe, expect, it } from 'vitest';
import { fallbackControllerId } from '#lib/kafka/kafkajs-controller-fallback';

const brokers = [{ nodeId: 1 }, { nodeId: 2 }, { nodeId: 3 }];

describe('fallbackControllerId', () => {
  it('leaves kafkajs alone when the controller is one of the listed brokers', () => {
    expect(fallbackControllerId({ controllerId: 2, brokers })).toBeUndefined();
  });

  it("names the first broker when the controller id is none of the brokers (the mock's 0)", () => {
    expect(fallbackControllerId({ controllerId: 0, brokers })).toBe(1);
  });

  it('leaves kafkajs alone without metadata, without a controller id, or without brokers', () => {
    expect(fallbackControllerId(null)).toBeUndefined();
    expect(fallbackControllerId({ controllerId: null, brokers })).toBeUndefined();
    expect(fallbackControllerId({ controllerId: 0, brokers: [] })).toBeUndefined();
  });
});
