import { describe, expect, it } from 'vitest';
import { InternalError, NotFoundError, StoreUnavailableError } from '#lib/errors';
import { conditionFailureItem, isConditionalCheckFailed, translateDynamoDbError } from '#lib/store/dynamodb/translate-error';

function sdkError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: 400 }, ...extra });
}

describe('translateDynamoDbError', () => {
  it.each(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'InternalServerError'])(
    'turns %s into a retriable StoreUnavailableError',
    (name) => {
      const translated = translateDynamoDbError(sdkError(name), 'reading connector x');
      expect(translated).toBeInstanceOf(StoreUnavailableError);
      expect(translated.retriable).toBe(true);
      expect(translated.message).toContain('reading connector x');
    },
  );

  it('turns an unreachable endpoint into StoreUnavailableError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(translateDynamoDbError(refused, 'x')).toBeInstanceOf(StoreUnavailableError);
  });

  it('turns any 5xx answer into StoreUnavailableError', () => {
    expect(translateDynamoDbError(sdkError('Weird', { $metadata: { httpStatusCode: 503 } }), 'x')).toBeInstanceOf(StoreUnavailableError);
  });

  it('turns a missing table into StoreUnavailableError', () => {
    expect(translateDynamoDbError(sdkError('ResourceNotFoundException'), 'x')).toBeInstanceOf(StoreUnavailableError);
  });

  it('turns an oversized item into PAYLOAD_TOO_LARGE', () => {
    const tooBig = sdkError('ValidationException', { message: 'Item size has exceeded the maximum allowed size' });
    expect(translateDynamoDbError(tooBig, 'x')).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', retriable: false });
  });

  it('turns other rejections into a non-retriable InternalError that keeps the cause', () => {
    const rejected = sdkError('ValidationException');
    const translated = translateDynamoDbError(rejected, 'x');
    expect(translated).toBeInstanceOf(InternalError);
    expect(translated.retriable).toBe(false);
    expect(translated.cause).toBe(rejected);
  });

  it('passes domain errors through unchanged', () => {
    const notFound = new NotFoundError('Connector x not found');
    expect(translateDynamoDbError(notFound, 'x')).toBe(notFound);
  });
});

describe('conditional check failures', () => {
  it('are recognised by name', () => {
    expect(isConditionalCheckFailed(sdkError('ConditionalCheckFailedException'))).toBe(true);
    expect(isConditionalCheckFailed(sdkError('ValidationException'))).toBe(false);
  });

  it('expose the item DynamoDB returned with ALL_OLD, if any', () => {
    expect(conditionFailureItem(sdkError('ConditionalCheckFailedException', { Item: { pk: { S: 'a' } } }))).toBeDefined();
    expect(conditionFailureItem(sdkError('ConditionalCheckFailedException'))).toBeUndefined();
  });
});
