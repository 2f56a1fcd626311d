/**
 * How our kafkajs patches replace one of kafkajs's CommonJS modules outside bundles: the module is
 * loaded on its own and its `module.exports` replaced in Node's require cache, before the kafkajs module
 * that requires it (`loadedBy`) is loaded, since that one keeps what it got. Too late (`loadedBy` is
 * already loaded) or in a bundle (kafkajs inlined, nothing to resolve), nothing is swapped and the
 * caller learns it; bundles get the same replacements from infra/esbuild-plugins.ts.
 *
 * The installed export calls ours, or kafkajs's own once `useKafkajsOwn(key, true)` (benchmarks of
 * the raw client as shipped).
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kafkajs's functions, any signature
type Fn = (...args: any[]) => any;

export interface KafkajsSwap<F extends Fn> {
  /** A process-wide key (Symbol.for): the swap happens once, whichever copy of our module asks. */
  readonly key: symbol;
  /** The module to replace, from kafkajs's package root, e.g. `src/protocol/request.js`. */
  readonly module: string;
  /** The kafkajs module that takes the replaced one when it loads. */
  readonly loadedBy: string;
  /** Our function, given kafkajs's. */
  readonly ours: (original: F) => F;
}

interface Swapped {
  readonly original: Fn;
  ownActive: boolean;
}
type Holder = Record<symbol, Swapped | undefined>;
const holder = globalThis as unknown as Holder;

function resolveKafkajs(file: string): string | undefined {
  try {
    return requireFromHere.resolve(`kafkajs/${file}`);
  } catch {
    return undefined;
  }
}

/** True when the swap is in (from now on, or already); false in a bundle or when it came too late. */
export function swapKafkajsModule<F extends Fn>(swap: KafkajsSwap<F>): boolean {
  if (holder[swap.key] !== undefined) return true;
  const file = resolveKafkajs(swap.module);
  const user = resolveKafkajs(swap.loadedBy);
  if (file === undefined || user === undefined || requireFromHere.cache[user] !== undefined) return false;
  requireFromHere(file);
  const loaded = requireFromHere.cache[file];
  if (loaded === undefined || typeof loaded.exports !== 'function') throw new Error(`kafkajs has no ${swap.module} function to replace: check the kafkajs version`);
  const original = loaded.exports as F;
  const ours = swap.ours(original);
  const swapped: Swapped = { original, ownActive: false };
  holder[swap.key] = swapped;
  loaded.exports = (...args: Parameters<F>): ReturnType<F> => (swapped.ownActive ? original(...args) : ours(...args)) as ReturnType<F>;
  return true;
}

/** True when the swap under `key` is installed in this process. */
export function isSwapped(key: symbol): boolean {
  return holder[key] !== undefined;
}

/** From now on the swapped module calls kafkajs's own function (true) or ours (false, the default). */
export function useKafkajsOwn(key: symbol, own: boolean): void {
  const swapped = holder[key];
  if (swapped !== undefined) swapped.ownActive = own;
}

/** kafkajs's own function behind a swap, or the module's export when nothing was swapped (tests). */
export function kafkajsOriginal<F extends Fn>(key: symbol, module: string): F {
  return (holder[key]?.original as F | undefined) ?? (requireFromHere(`kafkajs/${module}`) as F);
}
