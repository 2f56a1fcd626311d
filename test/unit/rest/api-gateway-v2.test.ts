import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { fromApiGatewayV2, toApiGatewayV2 } from '#lib/rest/api-gateway-v2';
import { createRestApi } from '#lib/rest/rest-api';
import { fakeHerder } from './fake-herder';
import { SETTINGS } from './rest-client';

function fixture(name: string): APIGatewayProxyEventV2 {
  return JSON.parse(readFileSync(new URL(`../../fixtures/apigw/${name}.json`, import.meta.url), 'utf8')) as APIGatewayProxyEventV2;
}

describe('fromApiGatewayV2', () => {
  it('takes the query from rawQueryString, so a repeated expand stays repeated', () => {
    const req = fromApiGatewayV2(fixture('get-connectors-expand'));
    expect(req).toMatchObject({ method: 'GET', path: '/connectors', rawQuery: 'expand=status&expand=info' });
    expect(req.body).toBeUndefined();
  });

  it('passes a text body and the lower-case headers through', () => {
    const req = fromApiGatewayV2(fixture('post-connectors'));
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body ?? '')).toMatchObject({ name: 's2' });
  });

  it('decodes a base64 body as UTF-8', () => {
    const req = fromApiGatewayV2(fixture('post-connectors-base64'));
    expect(JSON.parse(req.body ?? '')).toMatchObject({ name: 'sé' });
  });

  it('lower-cases header names given in another case', () => {
    const event = { ...fixture('get-connectors-expand'), headers: { Origin: 'https://x', 'X-Other': 'y' } };
    expect(fromApiGatewayV2(event).headers).toEqual({ origin: 'https://x', 'x-other': 'y' });
  });

  it('re-encodes the decoded rawPath of an HTTP API', () => {
    expect(fromApiGatewayV2(fixture('get-status-decoded-name')).path).toBe('/connectors/my%20sink%20100%25/status');
  });

  it('keeps the encoded rawPath of a Function URL', () => {
    expect(fromApiGatewayV2(fixture('function-url-encoded-name')).path).toBe('/connectors/a%2Fb/status');
  });

  it('lets the caller say how the path is encoded', () => {
    expect(fromApiGatewayV2(fixture('function-url-encoded-name'), { pathEncoding: 'decoded' }).path).toBe('/connectors/a%252Fb/status');
  });

  it('removes the prefix of a named stage', () => {
    expect(fromApiGatewayV2(fixture('named-stage')).path).toBe('/connectors/s1');
  });
});

describe('toApiGatewayV2', () => {
  it('copies status, headers and body', () => {
    const res = toApiGatewayV2({ statusCode: 201, headers: { 'Content-Type': 'application/json', Location: 'http://h/connectors/a' }, body: '{}' });
    expect(res).toEqual({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', Location: 'http://h/connectors/a' },
      body: '{}',
      isBase64Encoded: false,
    });
  });

  it('leaves the body out of an empty response', () => {
    expect(toApiGatewayV2({ statusCode: 204, headers: {} })).toEqual({ statusCode: 204, headers: {}, isBase64Encoded: false });
  });
});

describe('API Gateway events through the REST API', () => {
  async function handle(name: string, settings = SETTINGS) {
    const herder = fakeHerder();
    const api = createRestApi({ herder, settings, log: { error: () => undefined, warn: () => undefined } });
    return { herder, res: toApiGatewayV2(await api.handle(fromApiGatewayV2(fixture(name)))) };
  }

  it('expands both status and info', async () => {
    const { herder, res } = await handle('get-connectors-expand');
    expect(res.statusCode).toBe(200);
    expect(herder.expandConnectors).toHaveBeenCalledWith({ status: true, info: true });
  });

  it('creates a connector with numbers coerced to strings', async () => {
    const { herder, res } = await handle('post-connectors');
    expect(res.statusCode).toBe(201);
    expect(res.headers?.Location).toBe('http://127.0.0.1:8083/connectors/s2');
    expect(herder.createConnector.mock.calls[0]?.[1]).toMatchObject({ 'tasks.max': '2', name: 's2' });
  });

  it('creates a connector from a base64 body', async () => {
    const { res } = await handle('post-connectors-base64');
    expect(res.headers?.Location).toBe('http://127.0.0.1:8083/connectors/s%C3%A9');
  });

  it('addresses a name with spaces and % sent through an HTTP API', async () => {
    const { herder } = await handle('get-status-decoded-name');
    expect(herder.connectorStatus).toHaveBeenCalledWith('my sink 100%');
  });

  it('addresses a name containing / sent through a Function URL', async () => {
    const { herder } = await handle('function-url-encoded-name');
    expect(herder.connectorStatus).toHaveBeenCalledWith('a/b');
  });

  it('deletes through a named stage', async () => {
    const { res } = await handle('named-stage');
    expect(res.statusCode).toBe(204);
  });

  it('answers a CORS preflight', async () => {
    const { res } = await handle('options-preflight', { ...SETTINGS, allowOrigin: 'https://ui.example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['Access-Control-Allow-Origin']).toBe('https://ui.example.com');
  });

  it('sets a logger level cluster-wide', async () => {
    const { herder, res } = await handle('put-logger-cluster');
    expect(res.statusCode).toBe(204);
    expect(herder.setLoggerLevel).toHaveBeenCalledWith('org.apache.kafka.connect', 'DEBUG', 'cluster');
  });
});
