import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';

const wiring = vi.hoisted(() => ({ restApi: vi.fn() }));
vi.mock('#lib/wiring', () => wiring);

const { handler } = await import('#functions/connect-api');

const event = JSON.parse(
  readFileSync(new URL('../../fixtures/apigw/get-connectors-expand.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEventV2;

describe('functions/connect-api handler', () => {
  it('decodes the event, lets the RestApi answer and encodes the answer', async () => {
    const handle = vi.fn(async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '[]' }));
    wiring.restApi.mockResolvedValueOnce({ handle });
    const res = await handler(event, {} as Context);
    expect(handle).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', path: '/connectors', rawQuery: 'expand=status&expand=info' }));
    expect(res).toEqual({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '[]', isBase64Encoded: false });
  });

  it('answers a wiring failure with a generic 500 in the ErrorMessage shape', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    wiring.restApi.mockRejectedValueOnce(new Error('no table'));
    const res = await handler(event, {} as Context);
    expect(res).toMatchObject({ statusCode: 500, body: '{"error_code":500,"message":"HTTP 500 Internal Server Error"}' });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
