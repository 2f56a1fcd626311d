/** Builds a RestApi over a fake herder and sends it requests the way a curl user would. */
import { createRestApi } from '#lib/rest/rest-api';
import type { ApiResponse, RestDeps, RestLogger, RestSettings } from '#lib/rest/types';
import { vi } from 'vitest';
import { fakeHerder, type FakeHerder } from './fake-herder';

export const SETTINGS: RestSettings = {
  allowOrigin: '',
  allowMethods: '',
  maxBodyBytes: 1024 * 1024,
  advertisedUrl: 'http://127.0.0.1:8083',
  adminEnabled: true,
};

export interface SendOptions {
  body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestResponse extends ApiResponse {
  json: unknown;
}

export interface TestClient {
  herder: FakeHerder;
  log: { error: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> } & RestLogger;
  send(method: string, target: string, options?: SendOptions): Promise<TestResponse>;
}

export function testClient(overrides: Partial<RestSettings> = {}, deps: Partial<RestDeps> = {}): TestClient {
  const herder = fakeHerder();
  const log = { error: vi.fn(), warn: vi.fn() };
  const api = createRestApi({ herder, settings: { ...SETTINGS, ...overrides }, log, ...deps });
  return {
    herder,
    log,
    async send(method, target, options = {}) {
      const [path = '', rawQuery = ''] = target.split(/\?(.*)/s);
      const hasBody = options.rawBody !== undefined || options.body !== undefined;
      const headers = { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers };
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const res = await api.handle({ method, path, rawQuery, headers, ...(body === undefined ? {} : { body }) });
      return { ...res, json: res.body === undefined ? undefined : JSON.parse(res.body) };
    },
  };
}
