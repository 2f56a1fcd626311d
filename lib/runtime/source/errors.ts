/**
 * How a window ends abnormally. SimulatedCrash is the only one callers see (crash injection); the
 * others are thrown deep in the window and turned into its summary by end-window.ts.
 */
import { ConnectError } from '#lib/errors';
import type { ConnectorRecord } from '#lib/store/types';
import type { FenceReason } from './types';

/** Thrown by a test hook: the invocation dies on the spot, as if its process were killed. */
export class SimulatedCrash extends Error {
  constructor(message = 'simulated crash') {
    super(message);
    this.name = 'SimulatedCrash';
  }
}

/** This invocation lost its lease or was overtaken by a newer fence: a zombie. */
export class WindowFenced extends Error {
  constructor(readonly reason: FenceReason) {
    super(`Source task invocation fenced: ${reason}`);
    this.name = 'WindowFenced';
  }
}

/** The connector changed (target state, generation) or was deleted; `current` is undefined when deleted. */
export class WindowSuperseded extends Error {
  constructor(readonly current: ConnectorRecord | undefined) {
    super(current === undefined ? 'Connector deleted' : `Connector now ${current.targetState} at generation ${current.generation}`);
    this.name = 'WindowSuperseded';
  }
}

/** A retriable failure outlasted the time the window had for it. A ConnectError (ConnectException in a
 *  FAILED task's trace, the retriable failure as its cause), itself not retriable: nothing retries it. */
export class RetriesExhausted extends ConnectError {
  constructor(readonly action: string, cause: unknown) {
    super('INTERNAL', `Gave up ${action} for this window`, { cause });
  }
}
