import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, isConnectError } from '#lib/errors';

describe('ConnectError', () => {
  it('carries a stable code and retriable flag', () => {
    const err = new NotFoundError('Connector x not found');
    expect(err.code).toBe('NOT_FOUND');
    expect(err.retriable).toBe(false);
    expect(err.name).toBe('NotFoundError');
    expect(isConnectError(err)).toBe(true);
  });

  it('marks conflicts as retriable', () => {
    expect(new ConflictError('raced').retriable).toBe(true);
  });
});
