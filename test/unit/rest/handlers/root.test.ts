import { describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '#lib/errors';
import { testClient } from '../rest-client';

describe('GET /', () => {
  it('returns the server info', async () => {
    const { send } = testClient();
    const res = await send('GET', '/');
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ version: '3.9.0', commit: 'abc', kafka_cluster_id: 'cluster-1' });
  });
});

describe('GET /health', () => {
  it('answers 200 healthy when the probe completes', async () => {
    const { send, herder } = testClient();
    const res = await send('GET', '/health');
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' });
    expect(herder.listConnectors).toHaveBeenCalled();
  });

  it('answers 500 unhealthy in the WorkerStatus shape when the probe fails', async () => {
    const { send, log } = testClient({}, { healthCheck: () => Promise.reject(new StoreUnavailableError('throttled')) });
    const res = await send('GET', '/health');
    expect(res.statusCode).toBe(500);
    expect(res.json).toEqual({
      status: 'unhealthy',
      message: 'Worker was unable to handle this request and may be unable to handle other requests.',
    });
    expect(log.error).toHaveBeenCalledWith('Health check failed', { error: 'throttled' });
  });

  it('answers 500 unhealthy when the probe throws synchronously', async () => {
    const { send } = testClient({}, { healthCheck: () => { throw new Error('boom'); } });
    expect((await send('GET', '/health')).statusCode).toBe(500);
  });

  it('answers 503 starting when the probe does not complete in time', async () => {
    vi.useFakeTimers();
    try {
      const { send } = testClient({}, { healthCheck: () => new Promise(() => undefined), healthTimeoutMs: 10_000 });
      const pending = send('GET', '/health');
      await vi.advanceTimersByTimeAsync(10_000);
      const res = await pending;
      expect(res.statusCode).toBe(503);
      expect(res.json).toEqual({ status: 'starting', message: 'Worker is still starting up.' });
    } finally {
      vi.useRealTimers();
    }
  });
});
