/**
 * Structured JSON logging: one line per event on stdout/stderr, with the logger name and level,
 * filtered by the level the registry says is in force for that logger.
 */
import { LoggerRegistry } from './logger-registry';
import { severity, type LogLevel } from './levels';

export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly name: string;
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogSink = (line: string, level: LogLevel) => void;

const defaultSink: LogSink = (line, level) => {
  if (severity(level) >= severity('WARN')) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

let sink: LogSink = defaultSink;

/** The registry every logger of this process consults. */
export const loggers = new LoggerRegistry(levelFromEnv(process.env.LOG_LEVEL));

/** Redirects log output (tests, or a host that collects lines). Returns the previous sink. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

export function createLogger(name: string): Logger {
  loggers.declare(name);
  const emit = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (severity(level) < severity(loggers.effectiveLevel(name))) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level, logger: name, message, ...serialisable(fields) }), level);
  };
  return {
    name,
    trace: (m, f) => emit('TRACE', m, f),
    debug: (m, f) => emit('DEBUG', m, f),
    info: (m, f) => emit('INFO', m, f),
    warn: (m, f) => emit('WARN', m, f),
    error: (m, f) => emit('ERROR', m, f),
  };
}

function serialisable(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) out[key] = { name: value.name, message: value.message, stack: value.stack };
    else if (typeof value === 'bigint') out[key] = value.toString();
    else out[key] = value;
  }
  return out;
}

function levelFromEnv(value: string | undefined): LogLevel {
  const upper = value?.toUpperCase();
  return upper === 'TRACE' || upper === 'DEBUG' || upper === 'WARN' || upper === 'ERROR' || upper === 'OFF' ? upper : 'INFO';
}
