import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLevel } from '#lib/logging/levels';
import { createLogger, loggers, setLogSink, type LogSink } from '#lib/logging/logger';

interface Line {
  text: string;
  level: LogLevel;
}

let lines: Line[];
let previous: LogSink;

beforeEach(() => {
  lines = [];
  previous = setLogSink((text, level) => lines.push({ text, level }));
});

afterEach(() => {
  setLogSink(previous);
});

/** A logger with its own name and level, so tests do not see each other's levels. */
function loggerAt(level: LogLevel) {
  const name = `test.logger.${Math.random().toString(36).slice(2)}`;
  loggers.set(name, level, 0);
  return createLogger(name);
}

const parsed = () => lines.map((line) => JSON.parse(line.text) as Record<string, unknown>);

describe('createLogger', () => {
  it('writes one JSON line with time, level, logger name, message and fields', () => {
    const log = loggerAt('INFO');

    log.info('started', { connector: 'c' });

    expect(parsed()).toEqual([{ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'INFO', logger: log.name, message: 'started', connector: 'c' }]);
  });

  it('drops events below the level in force for the logger', () => {
    const log = loggerAt('WARN');

    log.info('ignored');
    log.warn('kept');

    expect(parsed().map((line) => line.message)).toEqual(['kept']);
  });

  it('follows a level change made after it was created', () => {
    const log = loggerAt('ERROR');

    loggers.set(log.name, 'TRACE', 1);
    log.trace('now visible');

    expect(parsed().map((line) => line.message)).toEqual(['now visible']);
  });

  it('writes nothing at OFF', () => {
    const log = loggerAt('OFF');

    log.error('silenced');

    expect(lines).toEqual([]);
  });

  it('hands each line to the sink with its level', () => {
    const log = loggerAt('TRACE');

    log.debug('d');
    log.error('e');

    expect(lines.map((line) => line.level)).toEqual(['DEBUG', 'ERROR']);
  });

  it('writes an Error field as its name, message and stack', () => {
    const log = loggerAt('INFO');
    const error = new TypeError('bad');

    log.error('failed', { error });

    expect(parsed()[0]?.error).toEqual({ name: 'TypeError', message: 'bad', stack: error.stack });
  });

  it('writes a bigint field as its digits', () => {
    const log = loggerAt('INFO');

    log.info('offset', { offset: 9007199254740993n });

    expect(parsed()[0]?.offset).toBe('9007199254740993');
  });

  it('makes its logger known to the registry', () => {
    const log = createLogger('test.declared.logger');

    expect(loggers.isKnown(log.name)).toBe(true);
  });
});

describe('setLogSink', () => {
  it('returns the sink it replaces', () => {
    const sink: LogSink = () => undefined;
    const current = setLogSink(sink);

    expect(setLogSink(current)).toBe(sink);
  });
});

describe('the process registry', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('takes the root level from LOG_LEVEL, case-insensitively', async () => {
    vi.stubEnv('LOG_LEVEL', 'debug');
    vi.resetModules();

    const { loggers: fresh } = await import('#lib/logging/logger');

    expect(fresh.effectiveLevel('root')).toBe('DEBUG');
  });

  it('falls back to INFO for an unknown LOG_LEVEL', async () => {
    vi.stubEnv('LOG_LEVEL', 'chatty');
    vi.resetModules();

    const { loggers: fresh } = await import('#lib/logging/logger');

    expect(fresh.effectiveLevel('root')).toBe('INFO');
  });
});
