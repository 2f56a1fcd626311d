/**
 * Log levels as Kafka Connect's `/admin/loggers` names them (log4j), with their severity order.
 * OFF silences a logger; ALL and TRACE let everything through.
 */
export const LOG_LEVELS = ['ALL', 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export function severity(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

/** The root logger's name, as Kafka reports it. */
export const ROOT_LOGGER = 'root';
