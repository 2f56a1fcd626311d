import { describe, expect, it } from 'vitest';
import { listenAddress } from '#lib/standalone/listen-address';
import { UsageError } from '#lib/standalone/errors';

describe('listenAddress', () => {
  it('defaults to 127.0.0.1:8083', () => {
    expect(listenAddress({}, {}, {})).toEqual({ host: '127.0.0.1', port: 8083 });
  });

  it('prefers --port over PORT over the worker listeners', () => {
    const worker = { listeners: 'http://localhost:7000' };
    expect(listenAddress({ port: 9000 }, { PORT: '8000' }, worker).port).toBe(9000);
    expect(listenAddress({}, { PORT: '8000' }, worker).port).toBe(8000);
    expect(listenAddress({}, {}, worker)).toEqual({ host: 'localhost', port: 7000 });
  });

  it('binds every interface for a listener without a host, as Kafka does', () => {
    expect(listenAddress({}, {}, { listeners: 'http://:8084' })).toEqual({ host: '0.0.0.0', port: 8084 });
  });

  it('lets CONNECT_LISTENERS win over the worker file and --host win over both', () => {
    const env = { CONNECT_LISTENERS: 'http://[::1]:9100' };
    expect(listenAddress({}, env, { listeners: 'http://:8084' })).toEqual({ host: '::1', port: 9100 });
    expect(listenAddress({ host: '127.0.0.2' }, env, {}).host).toBe('127.0.0.2');
  });

  it('refuses https listeners and malformed ones', () => {
    expect(() => listenAddress({}, {}, { listeners: 'https://:8443' })).toThrow(/plain HTTP only/);
    expect(() => listenAddress({}, {}, { listeners: 'localhost:8083' })).toThrow(UsageError);
    expect(() => listenAddress({}, { PORT: 'x' }, {})).toThrow(/PORT/);
  });
});
