/**
 * kafkajs's log lines, through our logger `lambda_connect.kafka.client`. kafkajs logs at WARN and
 * above unless that logger is at DEBUG/TRACE when the client is created (then DEBUG), or OFF.
 * kafkajs reports every failed attempt it is about to retry as an ERROR; those become WARN lines
 * here, because the failure that matters reaches the caller as a ConnectError and is logged there.
 * kafkajs warns at every idempotent producer's creation that bounded retries "may invalidate EoS
 * guarantees"; ours are bounded as Java's are (`retries` = Integer.MAX_VALUE, sends bounded by
 * `delivery.timeout.ms`), so that line is DEBUG here.
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

const EXPECTED_WARNINGS: ReadonlySet<string> = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

export const kafkajsLogCreator: logCreator = () => (entry: LogEntry) => {
  const { message, timestamp: _timestamp, logger: _logger, ...fields } = entry.log as LogEntry['log'] & { logger?: unknown };
  const line = { namespace: entry.namespace, ...fields };
  if (EXPECTED_WARNINGS.has(message)) log.debug(message, line);
  else if (entry.level === logLevel.ERROR || entry.level === logLevel.WARN) log.warn(message, line);
  else if (entry.level === logLevel.INFO) log.info(message, line);
  else log.debug(message, line);
};
