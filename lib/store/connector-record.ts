/**
 * Pure record logic shared by the adapters: what a new connector looks like and how changes apply.
 * The DynamoDB adapter expresses the same rules as an UpdateExpression; the contract suite keeps them equal.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectorChanges, ConnectorRecord, NewConnector } from '#lib/store/types';

export function newConnectorRecord(input: NewConnector, now: Date = new Date()): ConnectorRecord {
  const timestamp = now.toISOString();
  return {
    name: input.name,
    config: { ...input.config },
    targetState: input.targetState,
    taskConfigs: input.taskConfigs.map((task) => ({ ...task })),
    version: 1,
    generation: 1,
    incarnation: randomUUID(),
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/** Returns the record after `changes`: the given fields replaced wholesale, version + 1, generation + 1
 *  when bumpGeneration, updatedAt = now. */
export function applyConnectorChanges(
  record: ConnectorRecord,
  changes: ConnectorChanges,
  now: Date = new Date(),
): ConnectorRecord {
  return {
    ...record,
    config: { ...(changes.config ?? record.config) },
    targetState: changes.targetState ?? record.targetState,
    taskConfigs: (changes.taskConfigs ?? record.taskConfigs).map((task) => ({ ...task })),
    version: record.version + 1,
    generation: changes.bumpGeneration === true ? record.generation + 1 : record.generation,
    updatedAt: now.toISOString(),
  };
}
