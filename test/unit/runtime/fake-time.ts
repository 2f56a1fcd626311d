/** A clock that only moves when the code under test sleeps, recording every delay. */
export interface FakeTime {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  readonly delays: number[];
  advance(ms: number): void;
}

export function fakeTime(start = 1_700_000_000_000): FakeTime {
  let now = start;
  const delays: number[] = [];
  return {
    clock: () => now,
    sleep: (ms) => {
      delays.push(ms);
      now += ms;
      return Promise.resolve();
    },
    delays,
    advance(ms) {
      now += ms;
    },
  };
}
