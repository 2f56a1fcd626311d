import { describe, expect, it } from 'vitest';
import { BadRequestError, InternalError } from '#lib/errors';
import { testClient } from '../rest-client';

describe('GET /connector-plugins', () => {
  it('lists connector plugins only by default', async () => {
    const { send, herder } = testClient();
    const res = await send('GET', '/connector-plugins');
    expect(res.statusCode).toBe(200);
    expect(herder.connectorPlugins).toHaveBeenCalledWith(true);
    expect(res.json).toEqual([{ class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '3.9.0' }]);
  });

  it.each([
    ['connectorsOnly=false', false],
    ['connectorsOnly=FALSE', false],
    ['connectorsOnly=no', false],
    ['connectorsOnly=', true],
    ['connectorsOnly=True', true],
  ])('reads %s as %s', async (query, expected) => {
    const { send, herder } = testClient();
    await send('GET', `/connector-plugins?${query}`);
    expect(herder.connectorPlugins).toHaveBeenCalledWith(expected);
  });
});

describe('GET /connector-plugins/{p}/config', () => {
  it('returns the config definitions', async () => {
    const { send, herder } = testClient();
    expect((await send('GET', '/connector-plugins/FileStreamSink/config')).json).toEqual([]);
    expect(herder.pluginConfig).toHaveBeenCalledWith('FileStreamSink');
  });

  it('answers 404 for an unknown plugin', async () => {
    const { send } = testClient();
    expect((await send('GET', '/connector-plugins/NoSuchPlugin/config')).json).toEqual({
      error_code: 404,
      message: 'Unknown plugin NoSuchPlugin.',
    });
  });
});

describe('PUT /connector-plugins/{p}/config/validate', () => {
  it('returns the herder ConfigInfos with 200', async () => {
    const { send, herder } = testClient();
    const body = { 'connector.class': 'FileStreamSink', topics: 't1', 'tasks.max': 1 };
    const res = await send('PUT', '/connector-plugins/FileStreamSink/config/validate', { body });
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ name: 'FileStreamSink', error_count: 0 });
    expect(herder.validateConfig).toHaveBeenCalledWith('FileStreamSink', { ...body, 'tasks.max': '1' });
  });

  it.each([
    ['FileStreamSink', 'org.apache.kafka.connect.file.FileStreamSinkConnector'],
    ['FileStreamSinkConnector', 'FileStreamSink'],
    ['org.apache.kafka.connect.file.FileStreamSinkConnector', 'org.apache.kafka.connect.file.FileStreamSinkConnector'],
  ])('accepts path %s with connector.class %s', async (plugin, cls) => {
    const { send } = testClient();
    const res = await send('PUT', `/connector-plugins/${plugin}/config/validate`, { body: { 'connector.class': cls } });
    expect(res.statusCode).toBe(200);
  });

  it('passes the plugin named in the path and the config to the herder, which checks that they match', async () => {
    const { send, herder } = testClient();
    await send('PUT', '/connector-plugins/FileStreamSource/config/validate', { body: { 'connector.class': 'FileStreamSink' } });
    expect(herder.validateConfig).toHaveBeenCalledWith('FileStreamSource', { 'connector.class': 'FileStreamSink' });
  });

  it('leaves a missing connector.class to the herder, which answers 500 like Kafka', async () => {
    const { send, herder, log } = testClient();
    herder.validateConfig.mockRejectedValueOnce(new InternalError('BadRequestException: Connector config {} contains no connector type'));
    const res = await send('PUT', '/connector-plugins/FileStreamSink/config/validate', { body: {} });
    expect(res.json).toEqual({ error_code: 500, message: 'BadRequestException: Connector config {} contains no connector type' });
    expect(log.error).toHaveBeenCalled();
  });

  it('passes herder 400s through', async () => {
    const { send, herder } = testClient();
    herder.validateConfig.mockRejectedValueOnce(new BadRequestError('nope'));
    expect((await send('PUT', '/connector-plugins/X/config/validate', { body: {} })).statusCode).toBe(400);
  });
});
