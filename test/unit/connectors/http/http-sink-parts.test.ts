import { describe, expect, it } from 'vitest';
import { parseHttpSinkConfig } from '#lib/connectors/http/http-sink-config';
import { HttpSinkConnector } from '#lib/connectors/http/http-sink-connector';
import { describeRecords } from '#lib/connectors/http/record-ranges';
import { parseHeaders } from '#lib/connectors/http/request-headers';
import { MAX_BACKOFF_MS, retryDelayMs } from '#lib/connectors/http/retry-backoff';
import { sinkRecord } from '../sink-task-context';

describe('HTTP sink retry backoff', () => {
  it('doubles retry.backoff.ms per attempt with equal jitter, up to 30 s', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 100, null, () => 1))).toEqual([100, 200, 400]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, 100, null, () => 0))).toEqual([50, 100, 200]);
    expect(retryDelayMs(20, 100, null, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('waits at least the Retry-After the server sent, itself at most 30 s', () => {
    expect([retryDelayMs(1, 100, 2000, () => 1), retryDelayMs(1, 100, 120_000, () => 1)]).toEqual([2000, MAX_BACKOFF_MS]);
  });
});

describe('HTTP sink headers', () => {
  it('splits Name:Value pairs at header.separator, trimming both and keeping colons in values', () => {
    expect(parseHeaders(' A : 1 | B:x:y ', '|')).toEqual([['A', '1'], ['B', 'x:y']]);
    expect(parseHeaders('A:1;B:2', ';')).toEqual([['A', '1'], ['B', '2']]);
    expect(parseHeaders('  ', '|')).toEqual([]);
  });

  it('rejects a pair without a name', () => {
    expect(() => parseHeaders('A:1|:2', '|')).toThrow("Invalid value A:1|:2 for configuration headers: Invalid header ':2': expected Name:Value");
  });
});

describe('HTTP sink config', () => {
  it('adds Content-Type unless given, and Basic authentication', () => {
    const config = parseHttpSinkConfig({ 'http.api.url': 'https://x/y', 'request.method': 'patch', 'auth.type': 'basic', 'connection.user': 'u', 'connection.password': 'p' });
    expect([config.method, config.headers]).toEqual(['PATCH', { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` }]);
    expect(parseHttpSinkConfig({ 'http.api.url': 'https://x/y', headers: 'content-type:text/plain' }).headers).toEqual({ 'content-type': 'text/plain' });
  });

  it('has our defaults', () => {
    const { headers: _headers, ...rest } = parseHttpSinkConfig({ 'http.api.url': 'http://x' });
    expect(rest).toEqual({ url: 'http://x', method: 'POST', requestTimeoutMs: 30000, batchMaxSize: 500, nullValues: 'ignore', maxRetries: 5, retryBackoffMs: 500 });
  });

  it('gives every task the full connector config', () => {
    const connector = new HttpSinkConnector();
    const props = { 'http.api.url': 'http://x', topics: 't' };
    connector.start(props);
    expect([connector.taskClass(), connector.taskConfigs(2)]).toEqual(['io.lambdaconnect.connect.http.HttpSinkTask', [props, props]]);
  });
});

describe('describeRecords', () => {
  it('names records by topic-partition and offset ranges', () => {
    const records = [sinkRecord({ topic: 'a', offset: 3 }), sinkRecord({ topic: 'a', offset: 5 }), sinkRecord({ topic: 'a', partition: 1, offset: 9 })];
    expect([describeRecords(records), describeRecords(records.slice(2))]).toEqual(['3 records (a-0@3..5, a-1@9)', '1 record (a-1@9)']);
  });
});
