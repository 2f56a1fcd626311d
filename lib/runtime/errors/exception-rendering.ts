/**
 * How an error is named in DLQ headers. ConnectErrors carry the Kafka exception class they stand
 * for (DataError → DataException …) so DLQ consumers written for Kafka Connect keep working; other
 * errors keep their JavaScript name. The stack trace follows Java's `printStackTrace` layout.
 */
import { ConnectError } from '#lib/errors';

const KAFKA_EXCEPTIONS: Readonly<Partial<Record<string, string>>> = {
  DATA: 'org.apache.kafka.connect.errors.DataException',
  RETRIABLE: 'org.apache.kafka.connect.errors.RetriableException',
  INVALID_CONFIG: 'org.apache.kafka.common.config.ConfigException',
};
const CONNECT_EXCEPTION = 'org.apache.kafka.connect.errors.ConnectException';

export function exceptionClassName(error: unknown): string {
  if (error instanceof ConnectError) return KAFKA_EXCEPTIONS[error.code] ?? CONNECT_EXCEPTION;
  if (error instanceof Error) return error.name;
  return typeof error;
}

/** Java's `getMessage()`: null when there is none. */
export function exceptionMessage(error: unknown): string | null {
  const message = error instanceof Error ? error.message : error === undefined || error === null ? null : String(error);
  return message === '' ? null : message;
}

/** `<class>: <message>`, then the frames as `\tat …`, then each cause as `Caused by: …`. */
export function stackTrace(error: unknown): string {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  for (let current: unknown = error, prefix = ''; current !== undefined && !seen.has(current); prefix = 'Caused by: ') {
    seen.add(current);
    const message = exceptionMessage(current);
    lines.push(`${prefix}${exceptionClassName(current)}${message === null ? '' : `: ${message}`}`);
    for (const frame of framesOf(current)) lines.push(`\tat ${frame}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return `${lines.join('\n')}\n`;
}

function framesOf(error: unknown): string[] {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return [];
  return stack.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('at ')).map((line) => line.slice(3));
}
