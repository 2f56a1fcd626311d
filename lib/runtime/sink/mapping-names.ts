/**
 * Names that tie a sink connector to its event source mappings (docs/sink-tasks.md):
 * - one Lambda alias per connector, `lc-<hash of the name>`: an ESM invokes the alias, and the
 *   handler finds the connector from the invoked ARN's qualifier (the event names no mapping);
 * - the consumer group of each mapping: Kafka Connect's `connect-<name>` for a one-topic
 *   connector (offsets carry over from Kafka Connect), `connect-<name>.<topic>` per topic otherwise,
 *   because an ESM's group id must be unique among mappings and can never change.
 */
import { createHash } from 'node:crypto';

export function aliasFor(connector: string): string {
  return `lc-${createHash('sha256').update(connector).digest('hex').slice(0, 24)}`;
}

export function groupIdFor(connector: string, topic: string, topicCount: number): string {
  return topicCount <= 1 ? `connect-${connector}` : `connect-${connector}.${topic}`;
}

/** The qualifier of an alias-qualified function ARN (`arn:aws:lambda:r:a:function:f:alias`), if any. */
export function qualifierOf(functionArn: string): string | undefined {
  const parts = functionArn.split(':');
  return parts.length >= 8 ? parts[7] : undefined;
}

/** Task id of a partition: partitions spread over the connector's tasks by partition number. */
export function taskIdFor(partition: number, taskCount: number): number {
  return taskCount <= 1 ? 0 : partition % taskCount;
}
