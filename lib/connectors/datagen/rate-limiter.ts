/**
 * A token bucket for `rate.per.second`: tokens accrue continuously up to one second's worth, a
 * batch takes what is there, and with none left the caller sleeps (a timer, not a spin) until the
 * next token is due, at most `maxWaitMs`, ending early when `signal` aborts.
 */
import { sleep } from '../abortable-sleep';

export class RateLimiter {
  #tokens = 1;
  #last: number;
  readonly #capacity: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#capacity = Math.max(1, perSecond);
    this.#last = now();
  }

  /** Up to `wanted` permits; 0 when none became available within `maxWaitMs`. */
  async take(wanted: number, maxWaitMs: number, signal?: AbortSignal): Promise<number> {
    this.#refill();
    if (this.#tokens < 1) {
      const waitMs = ((1 - this.#tokens) / this.perSecond) * 1000;
      await sleep(Math.min(waitMs, maxWaitMs), signal);
      this.#refill();
      if (this.#tokens < 1) return 0;
    }
    const granted = Math.min(wanted, Math.floor(this.#tokens));
    this.#tokens -= granted;
    return granted;
  }

  #refill(): void {
    const now = this.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - this.#last) * this.perSecond) / 1000);
    this.#last = now;
  }
}
