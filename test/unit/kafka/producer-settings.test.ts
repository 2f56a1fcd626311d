import { describe, expect, it } from 'vitest';
import { parseProducerSettings, prefixedProps } from '#lib/kafka/producer-settings';

const idempotent = { idempotent: true };

describe('parseProducerSettings', () => {
  it('defaults to an idempotent producer with acks=all, one request in flight, no compression and 1 MiB requests', () => {
    expect(parseProducerSettings({}, idempotent)).toMatchObject({
      idempotent: true,
      acks: -1,
      maxInFlightRequests: 1,
      compression: 'none',
      maxRequestSize: 1_048_576,
      requestTimeoutMs: 30_000,
      retries: 10,
      ignored: [],
    });
  });

  it('bounds the retries of a send by delivery.timeout.ms, so a producer stops retrying a dead broker', () => {
    expect(parseProducerSettings({ 'delivery.timeout.ms': '10000' }, idempotent).retries).toBe(5);
    expect(parseProducerSettings({ 'delivery.timeout.ms': '10000', retries: '2' }, idempotent).retries).toBe(2);
    expect(parseProducerSettings({ 'delivery.timeout.ms': '0' }, idempotent).retries).toBe(1);
    expect(() => parseProducerSettings({ 'delivery.timeout.ms': 'soon' }, idempotent)).toThrowError(/delivery.timeout.ms/);
  });

  it('maps the Java producer keys that have a kafkajs equivalent', () => {
    const settings = parseProducerSettings(
      { 'enable.idempotence': 'false', acks: '1', 'compression.type': 'GZIP', 'max.request.size': '2048', 'request.timeout.ms': '5000', retries: '3', 'retry.backoff.ms': '50', 'retry.backoff.max.ms': '800', 'max.in.flight.requests.per.connection': '4', 'client.id': 'me', 'metadata.max.age.ms': '1000' },
      idempotent,
    );

    expect(settings).toEqual({
      idempotent: false, acks: 1, compression: 'gzip', maxRequestSize: 2048, requestTimeoutMs: 5000, retries: 3, retryBackoffMs: 50, retryBackoffMaxMs: 800,
      maxInFlightRequests: 4, clientId: 'me', metadataMaxAgeMs: 1000, ignored: [],
    });
  });

  it('lists keys without a kafkajs equivalent as ignored', () => {
    expect(parseProducerSettings({ 'linger.ms': '5', 'batch.size': '16384' }, idempotent).ignored).toEqual(['batch.size', 'linger.ms']);
  });

  it('keeps one request in flight for the idempotent producer whatever max.in.flight says up to 5, as kafkajs needs', () => {
    expect(parseProducerSettings({ 'max.in.flight.requests.per.connection': '5' }, idempotent).maxInFlightRequests).toBe(1);
  });

  it("rejects what Java's idempotent producer rejects", () => {
    expect(() => parseProducerSettings({ acks: '1' }, idempotent)).toThrowError('Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.');
    expect(() => parseProducerSettings({ 'max.in.flight.requests.per.connection': '6' }, idempotent)).toThrowError(/at most 5/);
    expect(() => parseProducerSettings({ retries: '0' }, idempotent)).toThrowError(/retries to non-zero/);
  });

  it('rejects codecs kafkajs does not bundle, and malformed values, as invalid config', () => {
    expect(() => parseProducerSettings({ 'compression.type': 'zstd' }, idempotent)).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => parseProducerSettings({ acks: 'most' }, idempotent)).toThrowError('Invalid value most for configuration acks: String must be one of: all, -1, 0, 1');
    expect(() => parseProducerSettings({ 'max.request.size': 'big' }, idempotent)).toThrowError(/max.request.size/);
  });
});

describe('prefixedProps', () => {
  it('takes the keys under a prefix, without it', () => {
    expect(prefixedProps({ 'producer.override.acks': 'all', 'producer.override.linger.ms': 5, 'consumer.override.x': '1', name: 'c' }, 'producer.override.')).toEqual({ acks: 'all', 'linger.ms': '5' });
  });
});
