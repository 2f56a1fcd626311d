/** Builders shared by the store contract suites. */
import type { NewConnector, StatusRecord, Stores } from '#lib/store/types';

export type StoresFactory = () => Promise<Stores>;

export function newConnector(name: string, overrides: Partial<NewConnector> = {}): NewConnector {
  return {
    name,
    config: { name, 'connector.class': 'FileStreamSource', 'tasks.max': '2' },
    targetState: 'STARTED',
    taskConfigs: [{ 'task.index': '0' }, { 'task.index': '1' }],
    ...overrides,
  };
}

export function statusOf(connector: string, taskId?: number, overrides: Partial<StatusRecord> = {}): StatusRecord {
  return {
    connector,
    ...(taskId === undefined ? {} : { taskId }),
    state: 'RUNNING',
    workerId: 'worker-1',
    incarnation: 'inc-1',
    generation: 1,
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Settles every promise and returns the fulfilled values and the rejection reasons. */
export async function settle<T>(promises: Promise<T>[]): Promise<{ values: T[]; errors: unknown[] }> {
  const results = await Promise.allSettled(promises);
  return {
    values: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    errors: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  };
}
