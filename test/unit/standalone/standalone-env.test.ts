import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { standaloneEnv, type StandaloneEnvInput } from '#lib/standalone/standalone-env';

const input: StandaloneEnvInput = {
  dynamodbEndpoint: 'http://127.0.0.1:4567',
  tableName: 'lambda-connect',
  kafkaBrokers: ['127.0.0.1:1', '127.0.0.1:2'],
  host: '127.0.0.1',
  port: 8083,
  worker: {},
};

describe('standaloneEnv', () => {
  it('points the handler at the embedded services with a local region and dummy credentials', () => {
    expect(standaloneEnv(input, {})).toMatchObject({
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      KAFKA_BROKERS: '127.0.0.1:1,127.0.0.1:2',
      LAMBDA_CONNECT_TABLE: 'lambda-connect',
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'standalone',
      AWS_SECRET_ACCESS_KEY: 'standalone',
      CONNECT_LISTENERS: 'http://127.0.0.1:8083',
      CONNECT_REST_ADVERTISED_HOST_NAME: '127.0.0.1',
      CONNECT_REST_ADVERTISED_PORT: '8083',
    });
  });

  it('turns worker.properties entries into CONNECT_* variables', () => {
    const vars = standaloneEnv({ ...input, worker: { 'access.control.allow.origin': '*', 'topic.tracking.enable': 'false' } }, {});
    expect(vars).toMatchObject({ CONNECT_ACCESS_CONTROL_ALLOW_ORIGIN: '*', CONNECT_TOPIC_TRACKING_ENABLE: 'false' });
  });

  it('leaves variables the user set alone, except the addresses of the services it runs', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'mine', CONNECT_REST_ADVERTISED_HOST_NAME: 'connect.example', DYNAMODB_ENDPOINT: 'http://elsewhere' };
    const vars = standaloneEnv({ ...input, worker: { 'rest.advertised.host.name': 'from-file' } }, env);
    expect(vars.AWS_REGION).toBeUndefined();
    expect(vars.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(vars.CONNECT_REST_ADVERTISED_HOST_NAME).toBeUndefined();
    expect(vars.DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:4567');
  });

  it('lets the worker file set the advertised name instead of the listen host', () => {
    expect(standaloneEnv({ ...input, worker: { 'rest.advertised.host.name': 'connect.local' } }, {}).CONNECT_REST_ADVERTISED_HOST_NAME).toBe('connect.local');
  });

  it('advertises the machine name when listening on every interface', () => {
    expect(standaloneEnv({ ...input, host: '0.0.0.0' }, {}).CONNECT_REST_ADVERTISED_HOST_NAME).toBe(hostname());
  });

  it('gives the composition root the settings standalone intends', () => {
    const settings = settingsFromEnv(standaloneEnv({ ...input, port: 9999 }, {}));
    expect(settings).toMatchObject({
      tableName: 'lambda-connect',
      dynamodbEndpoint: 'http://127.0.0.1:4567',
      region: 'local',
      kafkaBrokers: ['127.0.0.1:1', '127.0.0.1:2'],
      workerId: '127.0.0.1:9999',
      rest: { advertisedUrl: 'http://127.0.0.1:9999' },
    });
  });
});
