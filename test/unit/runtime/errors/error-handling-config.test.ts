import { describe, expect, it } from 'vitest';
import { ConfigException } from '#lib/plugin/config-exception';
import { errorHandlingConfigDef, parseErrorHandlingConfig } from '#lib/runtime/errors/error-handling-config';

describe('parseErrorHandlingConfig', () => {
  it("gives Kafka's defaults for a config without errors.* keys", () => {
    expect(parseErrorHandlingConfig({ name: 'c', 'connector.class': 'X' })).toEqual({
      retryTimeoutMs: 0,
      retryDelayMaxMs: 60_000,
      tolerance: 'none',
      logEnable: false,
      logIncludeMessages: false,
      dlqTopicName: '',
      dlqTopicReplicationFactor: 3,
      dlqContextHeadersEnable: false,
    });
  });

  it('reads every errors.* key, trimming the DLQ topic name', () => {
    const config = parseErrorHandlingConfig({
      'errors.retry.timeout': '-1',
      'errors.retry.delay.max.ms': '5000',
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.log.include.messages': 'true',
      'errors.deadletterqueue.topic.name': ' dlq-orders ',
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
    });
    expect(config).toEqual({
      retryTimeoutMs: -1,
      retryDelayMaxMs: 5000,
      tolerance: 'all',
      logEnable: true,
      logIncludeMessages: true,
      dlqTopicName: 'dlq-orders',
      dlqTopicReplicationFactor: 1,
      dlqContextHeadersEnable: true,
    });
  });

  it("rejects an unknown tolerance with Kafka's message", () => {
    expect(() => parseErrorHandlingConfig({ 'errors.tolerance': 'ALL' })).toThrow(ConfigException);
    expect(() => parseErrorHandlingConfig({ 'errors.tolerance': 'ALL' })).toThrow('Invalid value ALL for configuration errors.tolerance: String must be one of: none, all');
  });

  it('takes its keys from the framework definition of the Error Handling group', () => {
    expect(errorHandlingConfigDef().names()).toEqual([
      'errors.retry.timeout',
      'errors.retry.delay.max.ms',
      'errors.tolerance',
      'errors.log.enable',
      'errors.log.include.messages',
      'errors.deadletterqueue.topic.name',
      'errors.deadletterqueue.topic.replication.factor',
      'errors.deadletterqueue.context.headers.enable',
    ]);
  });
});
