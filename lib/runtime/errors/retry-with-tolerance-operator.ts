/**
 * Kafka's `RetryWithToleranceOperator`: runs a record's operation, retries it while it fails with
 * a retriable error (exponential backoff with jitter, until `errors.retry.timeout`), then applies
 * `errors.tolerance`: `all` marks the record failed and the pipeline skips it, `none` stops the
 * task with a ToleranceExceededError. Non-retriable errors are tolerated only in the converter and
 * transformation stages (elsewhere: UnhandledStageError). Every final failure is reported first.
 *
 * Unlike Kafka, retries that run out also go through the tolerance check (Kafka skips such a
 * record even with `errors.tolerance=none`). Retry vs not is decided from the error's `retriable`
 * flag only. One operator per task; its methods must not be called concurrently.
 */
import { backoffDelay, sleep as realSleep } from './backoff';
import type { ErrorHandlingConfig } from './error-handling-config';
import { createErrorHandlingMetrics, type ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import { isRetriable, ToleranceExceededError, UnhandledStageError } from './errors';
import type { ProcessingContext } from './processing-context';
import { toleratesAnyError, type Stage } from './stage';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface OperatorDeps<O> {
  reporters?: readonly ErrorReporter<O>[];
  metrics?: ErrorHandlingMetrics;
  /** Epoch ms; injectable so tests never wait. */
  clock?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** In [0, 1), for the backoff jitter. */
  random?: () => number;
}

type RetryPolicy = Pick<ErrorHandlingConfig, 'retryTimeoutMs' | 'retryDelayMaxMs' | 'tolerance'>;

export class RetryWithToleranceOperator<O> {
  readonly metrics: ErrorHandlingMetrics;
  readonly #policy: RetryPolicy;
  readonly #reporters: readonly ErrorReporter<O>[];
  readonly #clock: () => number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #stop = new AbortController();
  #totalFailures = 0;

  constructor(policy: RetryPolicy, deps: OperatorDeps<O> = {}) {
    this.#policy = policy;
    this.#reporters = deps.reporters ?? [];
    this.metrics = deps.metrics ?? createErrorHandlingMetrics();
    this.#clock = deps.clock ?? Date.now;
    this.#sleep = deps.sleep ?? realSleep;
    this.#random = deps.random ?? Math.random;
  }

  /**
   * Runs `operation` for the record of `context`. Resolves `{ ok: true, value }` on success, or
   * `{ ok: false }` when the failure was tolerated (the context is then failed and was reported).
   * A context that already failed is left alone (`{ ok: false }` without running anything).
   */
  async execute<T>(context: ProcessingContext<O>, stage: Stage, executingClass: string, operation: () => T | Promise<T>): Promise<Outcome<T>> {
    if (context.failed()) return { ok: false, error: context.error };
    context.currentContext(stage, executingClass);
    try {
      const value = await operation();
      context.attempt = 1;
      return { ok: true, value };
    } catch (error) {
      return this.recover(context, operation, error);
    }
  }

  /**
   * The slow path of `execute`, for callers that ran the first attempt themselves (synchronously,
   * to keep the success path free of promises): `error` is what that attempt threw, and the
   * context already names the stage and class.
   */
  async recover<T>(context: ProcessingContext<O>, operation: () => T | Promise<T>, error: unknown): Promise<Outcome<T>> {
    const deadline = this.#policy.retryTimeoutMs < 0 ? Infinity : this.#clock() + this.#policy.retryTimeoutMs;
    let attempt = 1;
    let lastError = error;
    for (;;) {
      this.metrics.recordFailures++;
      if (!isRetriable(lastError) || this.#clock() >= deadline || this.#stop.signal.aborted) break;
      await this.#sleep(backoffDelay(attempt, this.#policy.retryDelayMaxMs, this.#clock(), deadline, this.#random), this.#stop.signal);
      this.metrics.retries++;
      if (this.#stop.signal.aborted) break;
      attempt++;
      try {
        const value = await operation();
        context.attempt = attempt;
        return { ok: true, value };
      } catch (next) {
        lastError = next;
      }
    }
    context.attempt = attempt;
    await this.#fail(context, lastError);
    return { ok: false, error: lastError };
  }

  /**
   * Kafka's `executeFailed`: an operation outside the operator failed (e.g. a sink task reporting
   * an errant record). Reports it and throws ToleranceExceededError unless tolerance is `all`.
   */
  async executeFailed(context: ProcessingContext<O>, stage: Stage, executingClass: string, error: unknown): Promise<void> {
    context.currentContext(stage, executingClass);
    this.metrics.recordFailures++;
    await this.#fail(context, error, true);
  }

  /** Kafka's `withinToleranceLimits`: false once anything failed under `errors.tolerance=none`. */
  withinToleranceLimits(): boolean {
    return this.#policy.tolerance === 'all' || this.#totalFailures === 0;
  }

  /** Persists what the reporters queued (DLQ records); call at the end of every batch. */
  async flush(): Promise<void> {
    for (const reporter of this.#reporters) await reporter.flush();
  }

  /** Kafka's `triggerStop`: no more retries; a pending backoff ends now and its operation fails. */
  triggerStop(): void {
    this.#stop.abort();
  }

  async #fail(context: ProcessingContext<O>, error: unknown, anyStage = false): Promise<void> {
    context.fail(error);
    this.#totalFailures++;
    this.metrics.lastErrorTimestamp = this.#clock();
    this.metrics.recordErrors++;
    for (const reporter of this.#reporters) reporter.report(context);
    const tolerable = anyStage || isRetriable(error) || toleratesAnyError(context.stage);
    if (tolerable && this.withinToleranceLimits()) {
      this.metrics.recordsSkipped++;
      return;
    }
    await this.#flushQuietly();
    throw tolerable ? new ToleranceExceededError(error) : new UnhandledStageError(error);
  }

  /** Before a task stops, its failure is persisted if possible; the stop is what gets reported. */
  async #flushQuietly(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // The DLQ reporter already logged why; the task fails with the original error either way.
    }
  }
}

