import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';

describe('source runtime settings', () => {
  it('default to Kafka’s offset.flush.interval.ms and lambda-connect’s own lease, margin and dispatch period', () => {
    expect(settingsFromEnv({}).source).toEqual({
      offsetFlushIntervalMs: 60_000,
      leaseTtlMs: 60_000,
      safetyMarginMs: 10_000,
      dispatchIntervalMs: 5_000,
      topicCreationEnabled: true,
      workerConverters: {},
    });
  });

  it('read the worker keys as CONNECT_* variables and the deployment ones by name', () => {
    const source = settingsFromEnv({
      CONNECT_OFFSET_FLUSH_INTERVAL_MS: '5000',
      CONNECT_TOPIC_CREATION_ENABLE: 'false',
      CONNECT_VALUE_CONVERTER: 'org.apache.kafka.connect.storage.StringConverter',
      CONNECT_KEY_CONVERTER_SCHEMAS_ENABLE: 'false',
      SOURCE_TASK_FUNCTION: 'lc-source-task',
      LAMBDA_ENDPOINT: 'http://127.0.0.1:3002',
      LAMBDA_CONNECT_SOURCE_LEASE_MS: '30000',
      LAMBDA_CONNECT_SOURCE_SAFETY_MARGIN_MS: '15000',
      LAMBDA_CONNECT_DISPATCH_INTERVAL_MS: '1000',
    }).source;
    expect(source).toEqual({
      taskFunctionName: 'lc-source-task',
      lambdaEndpoint: 'http://127.0.0.1:3002',
      offsetFlushIntervalMs: 5_000,
      leaseTtlMs: 30_000,
      safetyMarginMs: 15_000,
      dispatchIntervalMs: 1_000,
      topicCreationEnabled: false,
      workerConverters: { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter', 'key.converter.schemas.enable': 'false' },
    });
  });

  it('fall back to the defaults for values that are not milliseconds', () => {
    const source = settingsFromEnv({ CONNECT_OFFSET_FLUSH_INTERVAL_MS: 'often', LAMBDA_CONNECT_SOURCE_LEASE_MS: '-5' }).source;
    expect([source.offsetFlushIntervalMs, source.leaseTtlMs]).toEqual([60_000, 60_000]);
  });
});
