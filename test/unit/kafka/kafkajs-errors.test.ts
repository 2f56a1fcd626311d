import { describe, expect, it } from 'vitest';
import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from '#lib/kafka/kafkajs';
import { ConnectError, DataError } from '#lib/errors';
import { KafkaClientError } from '#lib/kafka/errors';
import { fromKafkajsError } from '#lib/kafka/kafkajs-errors';

/** kafkajs's protocol errors are built from its table of broker error codes. */
function protocolError(type: string, retriable: boolean): Error {
  return new KafkaJSProtocolError({ type, code: 1, retriable, message: `${type} happened` } as unknown as string);
}

describe('fromKafkajsError', () => {
  it('makes running out of retries retriable, though kafkajs marks it non-retriable', () => {
    const exhausted = new KafkaJSNumberOfRetriesExceeded(protocolError('NOT_ENOUGH_REPLICAS', true), { retryCount: 5, retryTime: 300 });

    const error = fromKafkajsError(exhausted, 'Sending');

    expect(error).toBeInstanceOf(KafkaClientError);
    expect(error).toMatchObject({ retriable: true, code: 'RETRIABLE', reason: 'NOT_ENOUGH_REPLICAS', message: 'Sending failed: NOT_ENOUGH_REPLICAS happened' });
    expect(error.cause).toBe(exhausted);
  });

  it('makes connection errors and request timeouts retriable', () => {
    expect(fromKafkajsError(new KafkaJSConnectionError('Connection error: ECONNREFUSED', { broker: 'b:9092' }), 'Connecting')).toMatchObject({ retriable: true, reason: 'KafkaJSConnectionError' });
    expect(fromKafkajsError(new KafkaJSRequestTimeoutError('Request Produce timed out'), 'Sending')).toMatchObject({ retriable: true });
  });

  it("keeps kafkajs's retriable flag for protocol errors and names the broker's error type", () => {
    expect(fromKafkajsError(protocolError('MESSAGE_TOO_LARGE', false), 'Sending')).toMatchObject({ retriable: false, code: 'INTERNAL', reason: 'MESSAGE_TOO_LARGE' });
    expect(fromKafkajsError(protocolError('LEADER_NOT_AVAILABLE', true), 'Sending')).toMatchObject({ retriable: true, reason: 'LEADER_NOT_AVAILABLE' });
  });

  it('keeps a non-retriable wrapper non-retriable, naming the type of what it wraps', () => {
    // As kafkajs's retrier wraps an error it will not retry: the original as message source and cause.
    const original = protocolError('TOPIC_AUTHORIZATION_FAILED', false);
    const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, options: { cause: Error }) => Error;
    const wrapped = new NonRetriable(original, { cause: original });

    expect(fromKafkajsError(wrapped, 'Sending')).toMatchObject({ retriable: false, reason: 'TOPIC_AUTHORIZATION_FAILED' });
  });

  it('treats an aggregate as retriable only when every error in it is', () => {
    const some = new KafkaJSAggregateError('Topic creation errors', [protocolError('REQUEST_TIMED_OUT', true), protocolError('INVALID_CONFIG', false)]);
    const all = new KafkaJSAggregateError('Topic creation errors', [protocolError('REQUEST_TIMED_OUT', true)]);

    expect(fromKafkajsError(some, 'Creating')).toMatchObject({ retriable: false, reason: 'REQUEST_TIMED_OUT' });
    expect(fromKafkajsError(all, 'Creating')).toMatchObject({ retriable: true });
  });

  it('treats errors that do not come from kafkajs as not retriable', () => {
    expect(fromKafkajsError(new TypeError('boom'), 'Sending')).toMatchObject({ retriable: false, reason: 'TypeError', message: 'Sending failed: boom' });
    expect(fromKafkajsError('odd', 'Sending')).toMatchObject({ retriable: false, message: 'Sending failed: odd' });
  });

  it('passes a ConnectError through unchanged', () => {
    const original = new DataError('bad record');

    expect(fromKafkajsError(original, 'Sending')).toBe(original);
  });

  it('never returns a kafkajs error', () => {
    expect(fromKafkajsError(new KafkaJSError('generic'), 'Sending')).toBeInstanceOf(ConnectError);
    expect(fromKafkajsError(new KafkaJSError('generic'), 'Sending')).toMatchObject({ retriable: true });
  });
});
