/**
 * kafkajs's log lines, through our logger `lambda_connect.kafka.client`. kafkajs logs at WARN and
 * above unless that logger is at DEBUG/TRACE when the client is created (then DEBUG), or OFF.
 * kafkajs reports every failed attempt it is about to retry as an ERROR; those become WARN lines
 * here, because the failure that matters reaches the caller as a ConnectError and is logged there.
 */
import { logLevel } from './kafkajs';
import type { LogEntry, logCreator } from 'kafkajs';
import { createLogger, loggers } from '#lib/logging/logger';

const log = createLogger('lambda_connect.kafka.client');

export function kafkajsLogLevel(): logLevel {
  switch (loggers.effectiveLevel(log.name)) {
    case 'ALL':
    case 'TRACE':
    case 'DEBUG':
      return logLevel.DEBUG;
    case 'OFF':
      return logLevel.NOTHING;
    default:
      return logLevel.WARN;
  }
}

export const kafkajsLogCreator: logCreator = () => (entry: LogEntry) => {
  const { message, timestamp: _timestamp, logger: _logger, ...fields } = entry.log as LogEntry['log'] & { logger?: unknown };
  const line = { namespace: entry.namespace, ...fields };
  if (entry.level === logLevel.ERROR || entry.level === logLevel.WARN) log.warn(message, line);
  else if (entry.level === logLevel.INFO) log.info(message, line);
  else log.debug(message, line);
};
