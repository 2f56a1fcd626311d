import { afterEach, describe, expect, it } from 'vitest';
import { logLevel } from '#lib/kafka/kafkajs';
import { kafkajsLogCreator } from '#lib/kafka/kafkajs-log';
import { loggers, setLogSink, type LogSink } from '#lib/logging/logger';

let restore: LogSink | undefined;
afterEach(() => {
  if (restore !== undefined) setLogSink(restore);
  restore = undefined;
});

function linesOf(level: logLevel, message: string): { level: string; line: Record<string, unknown> }[] {
  const lines: { level: string; line: Record<string, unknown> }[] = [];
  restore = setLogSink((line, lvl) => lines.push({ level: lvl, line: JSON.parse(line) as Record<string, unknown> }));
  loggers.set('lambda_connect.kafka.client', 'DEBUG', Date.now());
  kafkajsLogCreator(logLevel.DEBUG)({ namespace: 'Producer', level, label: 'WARN', log: { message, timestamp: 'now' } });
  return lines;
}

describe('kafkajs log lines', () => {
  it('keep a failed attempt as WARN, with its namespace', () => {
    expect(linesOf(logLevel.ERROR, 'Connection error')).toEqual([{ level: 'WARN', line: expect.objectContaining({ message: 'Connection error', namespace: 'Producer' }) }]);
  });

  it("make kafkajs's warning about bounded idempotent retries DEBUG: ours are bounded as Java's are", () => {
    expect(linesOf(logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees')).toEqual([{ level: 'DEBUG', line: expect.objectContaining({ namespace: 'Producer' }) }]);
  });
});
