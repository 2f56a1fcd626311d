/**
 * lambda-connect's data generator source connector: deterministic, seedable records for demos and
 * benchmarks (datagen-records.ts). `tasks.max` tasks share the id space (task i takes ids ≡ i mod
 * n) and the rate. Offsets identify each task's position, so changing tasks.max changes which ids
 * a committed position stands for.
 */
import { InternalError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { ExactlyOnceSupport, SourceConnector, SourceConnectorDescriptor } from '#lib/plugin/task-types';
import type { PartitionOffset } from '#lib/plugin/types';
import { offsetLong } from '../offset-values';
import * as c from './datagen-config';
import { DataGenSourceTask } from './datagen-source-task';

export class DataGenSourceConnector implements SourceConnector {
  #props: Record<string, string> = {};

  version(): string {
    return c.DATAGEN_VERSION;
  }

  config(): ConfigDef {
    return c.dataGenConfigDef();
  }

  start(props: Record<string, string>): void {
    new AbstractConfig(c.dataGenConfigDef(), props);
    this.#props = props;
  }

  taskClass(): string {
    return c.DATAGEN_TASK;
  }

  taskConfigs(maxTasks: number): Record<string, string>[] {
    return Array.from({ length: maxTasks }, (_, i) => ({ ...this.#props, [c.TASK_ID_CONFIG]: String(i), [c.TASK_COUNT_CONFIG]: String(maxTasks) }));
  }

  stop(): void {}

  /** Records are regenerated exactly from committed positions. */
  exactlyOnceSupport(): ExactlyOnceSupport {
    return 'SUPPORTED';
  }

  /** Partitions are `{task: <int>}`; offsets null or `{position: <non-negative Long>}`. */
  alterOffsets(_config: Record<string, string>, offsets: PartitionOffset[]): boolean {
    for (const { partition, offset } of offsets) {
      const task = offsetLong(partition[c.TASK_FIELD]);
      if (task === undefined || task < 0n) throw new InternalError("Partition objects should contain the key 'task' with a non-negative integer value");
      if (offset === null) continue;
      const position = offsetLong(offset[c.POSITION_FIELD]);
      if (position === undefined || position < 0n) throw new InternalError("Offset objects should either be null or contain the key 'position' with a non-negative Long value");
    }
    return true;
  }
}

export const dataGenSourceDescriptor: SourceConnectorDescriptor = {
  className: c.DATAGEN_CONNECTOR,
  type: 'source',
  version: c.DATAGEN_VERSION,
  aliases: ['DataGen'],
  configDef: c.dataGenConfigDef,
  create: () => new DataGenSourceConnector(),
  createTask: () => new DataGenSourceTask(),
};
