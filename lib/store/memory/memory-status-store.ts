/** StatusStore in a Map keyed by connector, then task id; records are cloned in and out. */
import { decodeJsonMap, encodeJsonMap } from '#lib/store/json/json-map';
import { statusAllows } from '#lib/store/runner-rules';
import { assertTaskId } from '#lib/store/task-id';
import type { GuardedStatusStore, StatusRecord, StatusStore } from '#lib/store/types';

interface ConnectorEntry {
  connector?: StatusRecord;
  tasks: Map<number, StatusRecord>;
}

export function createMemoryStatusStore(): StatusStore & GuardedStatusStore {
  const entries = new Map<string, ConnectorEntry>();

  function entryOf(connector: string): ConnectorEntry {
    let entry = entries.get(connector);
    if (entry === undefined) {
      entry = { tasks: new Map() };
      entries.set(connector, entry);
    }
    return entry;
  }

  function store(status: StatusRecord): void {
    if (status.taskId !== undefined) assertTaskId(status.taskId);
    const copy = structuredClone(status);
    // `extra` takes the same JSON round trip as in DynamoDB (undefined members dropped, bigints kept).
    if (status.extra !== undefined) copy.extra = decodeJsonMap(encodeJsonMap(status.extra, 'Status extra'));
    const entry = entryOf(status.connector);
    if (copy.taskId === undefined) entry.connector = copy;
    else entry.tasks.set(copy.taskId, copy);
  }

  return {
    async put(status) {
      store(status);
    },

    async putUnlessNewer(status, options) {
      const entry = entries.get(status.connector);
      const stored = status.taskId === undefined ? entry?.connector : entry?.tasks.get(status.taskId);
      if (!statusAllows(stored, status, options?.keep)) return false;
      store(status);
      return true;
    },

    async putMany(statuses) {
      statuses.forEach((status) => store(status));
    },

    async get(connector) {
      const entry = entries.get(connector);
      if (entry === undefined) return { tasks: [] };
      const tasks = [...entry.tasks.values()].sort((a, b) => (a.taskId ?? 0) - (b.taskId ?? 0));
      const result = { tasks: tasks.map((t) => structuredClone(t)) };
      return entry.connector === undefined ? result : { connector: structuredClone(entry.connector), ...result };
    },

    async getTask(connector, taskId) {
      assertTaskId(taskId);
      const status = entries.get(connector)?.tasks.get(taskId);
      return status === undefined ? undefined : structuredClone(status);
    },

    async deleteTasks(connector, fromTaskId) {
      const tasks = entries.get(connector)?.tasks;
      for (const taskId of tasks?.keys() ?? []) {
        if (taskId >= fromTaskId) tasks?.delete(taskId);
      }
    },

    async deleteAll(connector) {
      entries.delete(connector);
    },
  };
}
