/**
 * Event source mappings kept in this process: standalone mode's stand-in for Lambda's ESM control
 * plane. The ESM emulator subscribes and runs a consumer for every enabled mapping.
 */
import { randomUUID } from 'node:crypto';
import { MappingBusyError } from './errors';
import type { DesiredSinkMapping, SinkMapping, SinkMappingChanges, SinkMappingPort } from './mapping-port';

export interface MemorySinkMappings extends SinkMappingPort {
  /** Every mapping, in creation order. */
  all(): SinkMapping[];
  aliases(): string[];
  /** Called after every change, with the mappings as they now are; the change resolves once every
   *  listener did (the ESM emulator has then stopped or started its consumers). */
  subscribe(listener: (mappings: SinkMapping[]) => void | Promise<void>): () => void;
}

export function createMemorySinkMappings(): MemorySinkMappings {
  const mappings = new Map<string, SinkMapping>();
  const aliases = new Set<string>();
  const listeners = new Set<(mappings: SinkMapping[]) => void | Promise<void>>();
  const changed = async (): Promise<void> => {
    const now = [...mappings.values()];
    await Promise.all([...listeners].map((listener) => listener(now)));
  };
  return {
    all: () => [...mappings.values()],
    aliases: () => [...aliases],
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    list: async (alias) => [...mappings.values()].filter((m) => m.alias === alias),
    listAll: async () => ({ mappings: [...mappings.values()], complete: true }),
    ensureAlias: async (alias) => void aliases.add(alias),
    deleteAlias: async (alias) => void aliases.delete(alias),
    async create(desired: DesiredSinkMapping) {
      // As Lambda answers a second mapping of a group: a conflict, which a concurrent reconcile leaves to the next one.
      if ([...mappings.values()].some((m) => m.groupId === desired.groupId)) throw new MappingBusyError(`A mapping with consumer group ${desired.groupId} exists`);
      const mapping = { ...desired, uuid: randomUUID() };
      mappings.set(mapping.uuid, mapping);
      await changed();
      return mapping;
    },
    async update(uuid, changes: SinkMappingChanges) {
      const current = mappings.get(uuid);
      if (!current) return;
      mappings.set(uuid, { ...current, ...changes });
      await changed();
    },
    async delete(uuid) {
      if (mappings.delete(uuid)) await changed();
    },
  };
}

let shared: MemorySinkMappings | undefined;

/** The process's mappings in standalone mode: the herder's hooks write them, the ESM emulator runs them. */
export function processSinkMappings(): MemorySinkMappings {
  shared ??= createMemorySinkMappings();
  return shared;
}
