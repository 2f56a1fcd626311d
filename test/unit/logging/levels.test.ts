import { describe, expect, it } from 'vitest';
import { isLogLevel, LOG_LEVELS, ROOT_LOGGER, severity } from '#lib/logging/levels';

describe('isLogLevel', () => {
  it.each(LOG_LEVELS)('accepts %s', (level) => {
    expect(isLogLevel(level)).toBe(true);
  });

  it('rejects a name log4j does not know', () => {
    expect(isLogLevel('LOUD')).toBe(false);
  });

  it('rejects a lower-case level name', () => {
    expect(isLogLevel('info')).toBe(false);
  });
});

describe('severity', () => {
  it('orders the levels from ALL to OFF as log4j does', () => {
    const ordered = [...LOG_LEVELS].sort((a, b) => severity(a) - severity(b));

    expect(ordered).toEqual(['ALL', 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF']);
  });
});

describe('ROOT_LOGGER', () => {
  it('is named root, as Kafka reports it', () => {
    expect(ROOT_LOGGER).toBe('root');
  });
});
