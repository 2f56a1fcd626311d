/**
 * The SinkTaskContext given to sink tasks. Partition assignment comes from the batches the ESM
 * delivers; `pause`/`resume`/`offset` cannot steer an ESM and are logged and ignored.
 */
import type { Logger } from '#lib/logging/logger';
import type { TopicPartition } from '#lib/kafka/topic-partition';
import type { ErrantRecordReporter, SinkTaskContext } from '#lib/plugin/sink-task';

export interface SinkTaskContextState extends SinkTaskContext {
  readonly assigned: Map<string, TopicPartition>;
  /** The last `timeout(ms)` a task asked for before a retriable `put` failure. */
  readonly retryTimeoutMs: number | undefined;
}

export function createSinkTaskContext(config: Record<string, string>, reporter: ErrantRecordReporter | null, log: Logger): SinkTaskContextState {
  const assigned = new Map<string, TopicPartition>();
  let retryTimeoutMs: number | undefined;
  const ignored = (what: string) => log.debug(`SinkTaskContext.${what} is not supported under an event source mapping; ignored`);
  return {
    assigned,
    get retryTimeoutMs() {
      return retryTimeoutMs;
    },
    configs: () => ({ ...config }),
    errantRecordReporter: () => reporter,
    timeout: (ms) => void (retryTimeoutMs = ms),
    offset: () => ignored('offset'),
    assignment: () => [...assigned.values()],
    pause: () => ignored('pause'),
    resume: () => ignored('resume'),
    requestCommit: () => undefined,
  };
}
