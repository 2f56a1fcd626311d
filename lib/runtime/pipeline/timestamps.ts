/** Kafka's `ConnectUtils.checkAndConvertTimestamp`: -1 (no timestamp) becomes null; other negatives are invalid. */
import { DataError } from '#lib/errors';
import { NO_TIMESTAMP } from '#lib/kafka/consumer-record';

export function checkAndConvertTimestamp(timestamp: number | null): number | null {
  if (timestamp === null || timestamp >= 0) return timestamp;
  if (timestamp === NO_TIMESTAMP) return null;
  throw new DataError(`Invalid record timestamp ${timestamp}`);
}
