/**
 * Standalone mode's stand-in for the EventBridge schedule: runs the tick (source dispatch and the
 * reconcile of the sink mappings, lib/runtime/tick.ts) at start and then every `intervalMs` (never
 * two at once), with windows running in this process. Stopping ends the timer, lets each running
 * window finish its batch and commit, then closes the Kafka clients.
 */
import { createLogger } from '#lib/logging/logger';
import { runTick } from '#lib/runtime/tick';

export interface SourceScheduler {
  stop(): Promise<void>;
}

export interface SourceSchedulerOptions {
  dispatch: () => Promise<unknown>;
  intervalMs: number;
  /** Ends the running windows and releases what they used. */
  close: () => Promise<void>;
}

const log = createLogger('lambda_connect.standalone.sources');

export function startSourceScheduler({ dispatch, intervalMs, close }: SourceSchedulerOptions): SourceScheduler {
  let running: Promise<void> | undefined;
  const tick = (): void => {
    if (running !== undefined) return;
    running = dispatch()
      .then(
        () => undefined,
        (error: unknown) => log.error('Dispatching source tasks failed; trying again at the next tick', { error }),
      )
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(timer);
        await running;
        await close();
      })()),
  };
}

/** The real scheduler over the composition root, for the environment standalone mode prepared. */
export async function startStandaloneSources(env: Record<string, string | undefined>): Promise<SourceScheduler> {
  const { currentApp, standaloneSourceRuntime } = await import('#lib/wiring');
  const sources = standaloneSourceRuntime(env);
  // The same tick as the dispatcher function's: the sink mappings (run by the ESM emulator) are
  // reconciled by the hooks of the process's app, which the sink emulation closes.
  const sinks = (await currentApp()).sinkHooks;
  const tick = () => runTick({ dispatchSources: () => sources.runtime.dispatch(), ...(sinks ? { reconcileSinks: () => sinks.reconcileAll() } : {}), log });
  return startSourceScheduler({ dispatch: tick, intervalMs: sources.app.settings.source.dispatchIntervalMs, close: sources.close });
}
