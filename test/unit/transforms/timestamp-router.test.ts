import { describe, expect, it } from 'vitest';
import { ConfigException } from '#lib/plugin/config-exception';
import { TimestampRouter } from '#lib/transforms/timestamp-router';
import { applied, configured, sourceRecord } from './records';

describe('TimestampRouter', () => {
  it('routes to ${topic}-${timestamp} with yyyyMMdd by default', () => {
    expect(applied(configured(new TimestampRouter()), sourceRecord({ topic: 'test', timestamp: 1483425001864 })).topic).toBe('test-20170103');
  });

  it('uses the configured topic and timestamp formats', () => {
    const xform = configured(new TimestampRouter(), { 'topic.format': 'logs_${timestamp}_${topic}', 'timestamp.format': 'yyyy-MM' });

    expect(applied(xform, sourceRecord({ topic: 'app', timestamp: 1483425001864 })).topic).toBe('logs_2017-01_app');
  });

  it('rejects a record without a timestamp', () => {
    expect(() => configured(new TimestampRouter()).apply(sourceRecord({ timestamp: null }))).toThrow(/^Timestamp missing on record: /);
  });

  it('rejects a timestamp format SimpleDateFormat rejects', () => {
    expect(() => configured(new TimestampRouter(), { 'timestamp.format': 'bad' })).toThrow(ConfigException);
  });
});
