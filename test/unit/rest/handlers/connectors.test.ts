import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, InvalidConfigError } from '#lib/errors';
import { S1_CONFIG } from '../fake-herder';
import { testClient } from '../rest-client';

const SINK = { 'connector.class': 'FileStreamSink', topics: 't1', 'tasks.max': '1' };

describe('GET /connectors', () => {
  it('lists connector names as a JSON array', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors');
    expect(res.statusCode).toBe(200);
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(res.json).toEqual(['s1']);
  });

  it('expands status and info when expand is repeated', async () => {
    const { send, herder } = testClient();
    const res = await send('GET', '/connectors?expand=status&expand=info');
    expect(herder.expandConnectors).toHaveBeenCalledWith({ status: true, info: true });
    expect(Object.keys((res.json as Record<string, object>).s1 ?? {}).sort()).toEqual(['info', 'status']);
  });

  it('treats a comma-joined expand as one unknown value', async () => {
    const { send, herder } = testClient();
    const res = await send('GET', '/connectors?expand=status,info');
    expect(herder.expandConnectors).toHaveBeenCalledWith({ status: false, info: false });
    expect(res.json).toEqual({ s1: {} });
  });

  it('matches expand values case-sensitively', async () => {
    const { send, herder } = testClient();
    await send('GET', '/connectors?expand=STATUS');
    expect(herder.expandConnectors).toHaveBeenCalledWith({ status: false, info: false });
  });

  it('accepts a trailing slash as Jersey does', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/')).json).toEqual(['s1']);
  });
});

describe('POST /connectors', () => {
  it('creates the connector, answering 201 with its info and an absolute Location', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors', { body: { name: 's2', config: SINK } });
    expect(res.statusCode).toBe(201);
    expect(res.headers.Location).toBe('http://127.0.0.1:8083/connectors/s2');
    expect(res.json).toMatchObject({ name: 's2', config: { name: 's2' }, type: 'sink' });
    expect(herder.createConnector).toHaveBeenCalledWith('s2', { ...SINK, name: 's2' }, undefined);
  });

  it('url-encodes the name in Location so that it decodes back to the name', async () => {
    const { send } = testClient({ advertisedUrl: 'http://host:8083/' });
    const res = await send('POST', '/connectors', { body: { name: 'a b/c%d?é', config: SINK } });
    expect(res.headers.Location).toBe('http://host:8083/connectors/a%20b%2Fc%25d%3F%C3%A9');
    expect(decodeURIComponent(res.headers.Location?.split('/connectors/')[1] ?? '')).toBe('a b/c%d?é');
  });

  it('trims the name like Java String.trim, control characters included', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors', { body: { name: '\u0007  pad \t\n', config: SINK } });
    expect(res.statusCode).toBe(201);
    expect(herder.createConnector).toHaveBeenCalledWith('pad', { ...SINK, name: 'pad' }, undefined);
  });

  it('keeps non-ASCII whitespace that Java does not trim', async () => {
    const { send, herder } = testClient();
    await send('POST', '/connectors', { body: { name: '\u00a0x\u00a0', config: SINK } });
    expect(herder.createConnector.mock.calls[0]?.[0]).toBe('\u00a0x\u00a0');
  });

  it('passes an absent name on as the empty string for the herder to reject', async () => {
    const { send, herder } = testClient();
    await send('POST', '/connectors', { body: { config: SINK } });
    expect(herder.createConnector).toHaveBeenCalledWith('', { ...SINK, name: '' }, undefined);
  });

  it('refuses a config name that differs from the top-level name', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors', { body: { name: 'a', config: { ...SINK, name: 'b' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json).toEqual({ error_code: 400, message: "Connector name configuration (b) doesn't match connector name in the URL (a)" });
    expect(herder.createConnector).not.toHaveBeenCalled();
  });

  it('compares a config name without a top-level name against the empty string', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { body: { config: { ...SINK, name: 'x' } } });
    expect(res.json).toEqual({ error_code: 400, message: "Connector name configuration (x) doesn't match connector name in the URL ()" });
  });

  it('coerces a numeric top-level name to a string', async () => {
    const { send, herder } = testClient();
    await send('POST', '/connectors', { rawBody: `{"name": 5, "config": {"connector.class": "FileStreamSink"}}` });
    expect(herder.createConnector.mock.calls[0]?.[0]).toBe('5');
  });

  it('stores numbers and booleans in the config as the text the client sent', async () => {
    const { send, herder } = testClient();
    const rawBody = '{"name":"n","config":{"tasks.max":2,"b":true,"f":1.50,"big":12345678901234567890,"n":null}}';
    await send('POST', '/connectors', { rawBody });
    expect(herder.createConnector.mock.calls[0]?.[1]).toEqual({
      'tasks.max': '2',
      b: 'true',
      f: '1.50',
      big: '12345678901234567890',
      n: null,
      name: 'n',
    });
  });

  it.each([
    ['running', 'RUNNING'],
    ['Paused', 'PAUSED'],
    ['STOPPED', 'STOPPED'],
  ])('accepts initial_state %s case-insensitively', async (given, expected) => {
    const { send, herder } = testClient();
    await send('POST', '/connectors', { body: { name: 'n', config: SINK, initial_state: given } });
    expect(herder.createConnector.mock.calls[0]?.[2]).toBe(expected);
  });

  it('refuses an unknown initial_state with 400 (Kafka: 500)', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { body: { name: 'n', config: SINK, initial_state: 'BOGUS' } });
    expect(res.statusCode).toBe(400);
    expect((res.json as { message: string }).message).toContain('No enum constant');
  });

  it('refuses unknown fields with 400 (Kafka: 500)', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { body: { name: 'n', config: SINK, tasks: 1 } });
    expect(res.statusCode).toBe(400);
    expect((res.json as { message: string }).message).toMatch(/^Unrecognized field "tasks"/);
  });

  it('refuses an array body with 400 (Kafka: 500)', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { rawBody: '[]' });
    expect(res.statusCode).toBe(400);
    expect((res.json as { message: string }).message).toMatch(/^Cannot deserialize value of type/);
  });

  it('refuses a nested object as a config value', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { rawBody: '{"name":"n","config":{"x":{"y":1}}}' });
    expect(res.statusCode).toBe(400);
    expect((res.json as { message: string }).message).toContain('`java.lang.String` from Object value');
  });

  it('refuses an array as a config value', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { rawBody: '{"name":"n","config":{"x":[1]}}' });
    expect(res.statusCode).toBe(400);
  });

  it('refuses a body without config', async () => {
    const { send } = testClient();
    expect((await send('POST', '/connectors', { body: { name: 'n' } })).statusCode).toBe(400);
    expect((await send('POST', '/connectors', { body: { name: 'n', config: null } })).statusCode).toBe(400);
  });

  it('refuses malformed JSON with 400 (Kafka: 500)', async () => {
    const { send, herder } = testClient();
    const res = await send('POST', '/connectors', { rawBody: '{"name": "n",' });
    expect(res.statusCode).toBe(400);
    expect(res.json).toMatchObject({ error_code: 400 });
    expect(herder.createConnector).not.toHaveBeenCalled();
  });

  it('refuses an empty body with 400', async () => {
    const { send } = testClient();
    const res = await send('POST', '/connectors', { rawBody: '' });
    expect(res.statusCode).toBe(400);
  });

  it('answers 409 when the herder reports the connector exists', async () => {
    const { send, herder } = testClient();
    herder.createConnector.mockRejectedValueOnce(new AlreadyExistsError('Connector s1 already exists'));
    const res = await send('POST', '/connectors', { body: { name: 's1', config: SINK } });
    expect(res.statusCode).toBe(409);
    expect(res.json).toEqual({ error_code: 409, message: 'Connector s1 already exists' });
  });

  it('answers 400 with the herder message for an invalid config', async () => {
    const { send, herder } = testClient();
    const message = 'Connector configuration is invalid and contains the following 1 error(s):\nbad';
    herder.createConnector.mockRejectedValueOnce(new InvalidConfigError(message));
    const res = await send('POST', '/connectors', { body: { name: 'n', config: SINK } });
    expect(res.json).toEqual({ error_code: 400, message });
  });
});

describe('GET /connectors/{c} and /config', () => {
  it('returns the connector info', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors/s1');
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ name: 's1', type: 'sink' });
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    const res = await send('GET', '/connectors/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json).toEqual({ error_code: 404, message: 'Connector nope not found' });
  });

  it('returns the raw config', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/s1/config')).json).toEqual(S1_CONFIG);
  });

  it('decodes percent-encoded names, %2F included', async () => {
    const { send, herder } = testClient();
    await send('GET', '/connectors/a%2Fb%20c%25%C3%A9');
    expect(herder.connectorInfo).toHaveBeenCalledWith('a/b c%é');
  });

  it('keeps + in a path segment as +', async () => {
    const { send, herder } = testClient();
    await send('GET', '/connectors/a+b/config');
    expect(herder.connectorConfig).toHaveBeenCalledWith('a+b');
  });

  it('answers 400 for broken percent-encoding', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connectors/a%zz')).statusCode).toBe(400);
  });
});

describe('PUT /connectors/{c}/config', () => {
  it('answers 201 with Location when it created the connector', async () => {
    const { send, herder } = testClient();
    const res = await send('PUT', '/connectors/s2/config', { body: SINK });
    expect(res.statusCode).toBe(201);
    expect(res.headers.Location).toBe('http://127.0.0.1:8083/connectors/s2');
    expect(herder.putConnectorConfig).toHaveBeenCalledWith('s2', { ...SINK, name: 's2' });
  });

  it('answers 200 without Location when it updated the connector', async () => {
    const { send } = testClient();
    const res = await send('PUT', '/connectors/s1/config', { body: SINK });
    expect(res.statusCode).toBe(200);
    expect(res.headers.Location).toBeUndefined();
    expect(res.json).toMatchObject({ name: 's1' });
  });

  it('uses the path name untrimmed', async () => {
    const { send, herder } = testClient();
    await send('PUT', '/connectors/%20s1%20/config', { body: SINK });
    expect(herder.putConnectorConfig).toHaveBeenCalledWith(' s1 ', { ...SINK, name: ' s1 ' });
  });

  it('refuses a config name that differs from the path', async () => {
    const { send } = testClient();
    const res = await send('PUT', '/connectors/s1/config', { body: { ...SINK, name: 'other' } });
    expect(res.json).toEqual({ error_code: 400, message: "Connector name configuration (other) doesn't match connector name in the URL (s1)" });
  });

  it('passes null values on for the herder to report', async () => {
    const { send, herder } = testClient();
    await send('PUT', '/connectors/s1/config', { rawBody: '{"connector.class":"FileStreamSink","foo":null}' });
    expect(herder.putConnectorConfig).toHaveBeenCalledWith('s1', { 'connector.class': 'FileStreamSink', foo: null, name: 's1' });
  });

  it('keeps a __proto__ key as an ordinary config entry', async () => {
    const { send, herder } = testClient();
    await send('PUT', '/connectors/s1/config', { rawBody: '{"__proto__":"x"}' });
    const config = herder.putConnectorConfig.mock.calls[0]?.[1] ?? {};
    expect(Object.keys(config)).toEqual(['__proto__', 'name']);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('refuses a non-object body', async () => {
    const { send } = testClient();
    expect((await send('PUT', '/connectors/s1/config', { rawBody: '"x"' })).statusCode).toBe(400);
  });
});

describe('PATCH /connectors/{c}/config', () => {
  it('passes the patch with nulls on and returns the merged info', async () => {
    const { send, herder } = testClient();
    const res = await send('PATCH', '/connectors/s1/config', { rawBody: '{"topics":"t2","tasks.max":null}' });
    expect(res.statusCode).toBe(200);
    expect(herder.patchConnectorConfig).toHaveBeenCalledWith('s1', { topics: 't2', 'tasks.max': null });
    expect(res.json).toMatchObject({ config: { topics: 't2' } });
  });

  it('does not check the name', async () => {
    const { send } = testClient();
    expect((await send('PATCH', '/connectors/s1/config', { body: { name: 'other' } })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    expect((await send('PATCH', '/connectors/nope/config', { body: { x: '1' } })).statusCode).toBe(404);
  });
});

describe('DELETE /connectors/{c}', () => {
  it('answers 204 with no body', async () => {
    const { send } = testClient();
    const res = await send('DELETE', '/connectors/s1');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBeUndefined();
    expect(res.headers['Content-Type']).toBeUndefined();
  });

  it('answers 404 for an unknown connector', async () => {
    const { send } = testClient();
    expect((await send('DELETE', '/connectors/nope')).json).toEqual({ error_code: 404, message: 'Connector nope not found' });
  });
});
