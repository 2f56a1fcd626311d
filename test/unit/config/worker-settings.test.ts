import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { envName, settingsFromEnv } from '#lib/config/worker-settings';

describe('envName', () => {
  it('maps a worker key to its CONNECT_ variable, Confluent-image style', () => {
    expect(envName('rest.advertised.host.name')).toBe('CONNECT_REST_ADVERTISED_HOST_NAME');
  });

  it('turns dashes into underscores too', () => {
    expect(envName('some-key.name')).toBe('CONNECT_SOME_KEY_NAME');
  });
});

describe('settingsFromEnv defaults', () => {
  it('listens as Kafka’s default listener http://:8083 does, on port 8083', () => {
    expect(settingsFromEnv({}).workerId).toMatch(/:8083$/);
  });

  it('advertises this host over http on port 8083', () => {
    expect(settingsFromEnv({}).rest.advertisedUrl).toBe(`http://${hostname()}:8083`);
  });

  it('names the worker after this host and port', () => {
    expect(settingsFromEnv({}).workerId).toBe(`${hostname()}:8083`);
  });

  it('names the worker after the Lambda function when running in one', () => {
    expect(settingsFromEnv({ AWS_LAMBDA_FUNCTION_NAME: 'connect-api' }).workerId).toBe('connect-api:8083');
  });

  it('enables topic tracking and its reset, as Kafka does', () => {
    const settings = settingsFromEnv({});

    expect([settings.topicTrackingEnabled, settings.topicTrackingAllowReset]).toEqual([true, true]);
  });

  it('enables the admin endpoints', () => {
    expect(settingsFromEnv({}).rest.adminEnabled).toBe(true);
  });

  it('allows no CORS origin or method', () => {
    expect(settingsFromEnv({}).rest).toMatchObject({ allowOrigin: '', allowMethods: '' });
  });

  it('accepts request bodies up to 1 MiB', () => {
    expect(settingsFromEnv({}).rest.maxBodyBytes).toBe(1024 * 1024);
  });

  it('uses the lambda-connect table in us-east-1 with no endpoint override', () => {
    expect(settingsFromEnv({})).toMatchObject({ tableName: 'lambda-connect', region: 'us-east-1', dynamodbEndpoint: undefined });
  });

  it('knows no Kafka brokers, cluster id or commit', () => {
    expect(settingsFromEnv({})).toMatchObject({ kafkaBrokers: [], kafkaClusterId: undefined, commit: 'unknown' });
  });
});

describe('settingsFromEnv listeners', () => {
  it('advertises the host and port of the listener', () => {
    expect(settingsFromEnv({ CONNECT_LISTENERS: 'http://connect.internal:9000' }).rest.advertisedUrl).toBe('http://connect.internal:9000');
  });

  it('advertises the protocol of the listener', () => {
    expect(settingsFromEnv({ CONNECT_LISTENERS: 'https://connect.internal:9443' }).rest.advertisedUrl).toBe('https://connect.internal:9443');
  });

  it('uses the first of several listeners', () => {
    expect(settingsFromEnv({ CONNECT_LISTENERS: 'http://a:8083, https://b:8443' }).workerId).toBe('a:8083');
  });

  it('reads an IPv6 listener with its brackets', () => {
    expect(settingsFromEnv({ CONNECT_LISTENERS: 'http://[::1]:8083' }).rest.advertisedUrl).toBe('http://[::1]:8083');
  });

  it('falls back to http://:8083 for a listener it cannot read', () => {
    expect(settingsFromEnv({ CONNECT_LISTENERS: 'nonsense', CONNECT_REST_ADVERTISED_HOST_NAME: 'h' }).rest.advertisedUrl).toBe('http://h:8083');
  });
});

describe('settingsFromEnv CONNECT_* overrides', () => {
  it('advertises rest.advertised.host.name', () => {
    expect(settingsFromEnv({ CONNECT_REST_ADVERTISED_HOST_NAME: 'public.example' }).workerId).toBe('public.example:8083');
  });

  it('advertises rest.advertised.port', () => {
    expect(settingsFromEnv({ CONNECT_REST_ADVERTISED_HOST_NAME: 'h', CONNECT_REST_ADVERTISED_PORT: '443' }).rest.advertisedUrl).toBe('http://h:443');
  });

  it('advertises rest.advertised.listener as the protocol', () => {
    expect(settingsFromEnv({ CONNECT_REST_ADVERTISED_HOST_NAME: 'h', CONNECT_REST_ADVERTISED_LISTENER: 'https' }).rest.advertisedUrl).toBe('https://h:8083');
  });

  it('prefers rest.advertised.host.name over the listener’s host', () => {
    expect(settingsFromEnv({ CONNECT_LISTENERS: 'http://bind.local:8083', CONNECT_REST_ADVERTISED_HOST_NAME: 'public.example' }).workerId).toBe('public.example:8083');
  });

  it('reads the CORS settings', () => {
    const settings = settingsFromEnv({ CONNECT_ACCESS_CONTROL_ALLOW_ORIGIN: '*', CONNECT_ACCESS_CONTROL_ALLOW_METHODS: 'GET,PUT' });

    expect(settings.rest).toMatchObject({ allowOrigin: '*', allowMethods: 'GET,PUT' });
  });

  it('reads the request size limit', () => {
    expect(settingsFromEnv({ CONNECT_REST_REQUEST_MAX_BYTES: '2048' }).rest.maxBodyBytes).toBe(2048);
  });

  it('disables the admin endpoints when admin.listeners is empty', () => {
    expect(settingsFromEnv({ CONNECT_ADMIN_LISTENERS: '' }).rest.adminEnabled).toBe(false);
  });

  it('disables the admin endpoints when admin.listeners is blank', () => {
    expect(settingsFromEnv({ CONNECT_ADMIN_LISTENERS: '  ' }).rest.adminEnabled).toBe(false);
  });

  it('keeps the admin endpoints when admin.listeners names a listener', () => {
    expect(settingsFromEnv({ CONNECT_ADMIN_LISTENERS: 'http://:9093' }).rest.adminEnabled).toBe(true);
  });

  it('disables topic tracking when topic.tracking.enable is false', () => {
    expect(settingsFromEnv({ CONNECT_TOPIC_TRACKING_ENABLE: 'false' }).topicTrackingEnabled).toBe(false);
  });

  it('disables topic tracking resets when topic.tracking.allow.reset is false', () => {
    expect(settingsFromEnv({ CONNECT_TOPIC_TRACKING_ALLOW_RESET: 'false' }).topicTrackingAllowReset).toBe(false);
  });

  it('reads booleans case-insensitively and ignores surrounding spaces', () => {
    expect(settingsFromEnv({ CONNECT_TOPIC_TRACKING_ENABLE: ' TRUE ' }).topicTrackingEnabled).toBe(true);
  });
});

describe('settingsFromEnv deployment settings', () => {
  it('splits KAFKA_BROKERS at commas, trimming and dropping empty entries', () => {
    expect(settingsFromEnv({ KAFKA_BROKERS: ' b1:9092, b2:9092,,' }).kafkaBrokers).toEqual(['b1:9092', 'b2:9092']);
  });

  it('knows no brokers for an empty KAFKA_BROKERS', () => {
    expect(settingsFromEnv({ KAFKA_BROKERS: '' }).kafkaBrokers).toEqual([]);
  });

  it('reads the table, endpoint, cluster id and commit', () => {
    const env = { LAMBDA_CONNECT_TABLE: 't', DYNAMODB_ENDPOINT: 'http://localhost:8000', KAFKA_CLUSTER_ID: 'k1', LAMBDA_CONNECT_COMMIT: 'abc123' };

    expect(settingsFromEnv(env)).toMatchObject({ tableName: 't', dynamodbEndpoint: 'http://localhost:8000', kafkaClusterId: 'k1', commit: 'abc123' });
  });

  it('treats an empty DYNAMODB_ENDPOINT as none', () => {
    expect(settingsFromEnv({ DYNAMODB_ENDPOINT: '' }).dynamodbEndpoint).toBeUndefined();
  });

  it('prefers AWS_REGION over AWS_DEFAULT_REGION', () => {
    expect(settingsFromEnv({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-central-1' }).region).toBe('eu-west-1');
  });

  it('falls back to AWS_DEFAULT_REGION', () => {
    expect(settingsFromEnv({ AWS_DEFAULT_REGION: 'eu-central-1' }).region).toBe('eu-central-1');
  });
});
