/**
 * How our kafkajs patches replace one of kafkajs's CommonJS modules outside bundles: the module is
 * loaded on its own and its `module.exports` replaced in Node's require cache, before the kafkajs module
 * that requires it (`loadedBy`) is loaded, since that one keeps what it got. Too late (`loadedBy` is
 * already loaded) or in a bundle (kafkajs inlined, nothing to resolve), nothing is swapped and the
 * caller learns it; bundles get the same replacements from infra/esbuild-plugins.ts.
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

export interface KafkajsSwap<F> {
  /** A process-wide key: the swap happens once, whichever copy of our module asks. */
  readonly key: symbol;
  /** The module to replace, from kafkajs's package root, e.g. `src/protocol/request.js`. */
  readonly module: string;
  /** The kafkajs module that takes the replaced one when it loads. */
  readonly loadedBy: string;
  /** The replacement, given kafkajs's export. */
  readonly replace: (original: F) => F;
}

type Holder = Record<symbol, true | undefined>;
const holder = globalThis as unknown as Holder;

function resolveKafkajs(file: string): string | undefined {
  try {
    return requireFromHere.resolve(`kafkajs/${file}`);
  } catch {
    return undefined;
  }
}

/** True when the swap is in (from now on, or already); false in a bundle or when it came too late. */
export function swapKafkajsModule<F>(swap: KafkajsSwap<F>): boolean {
  if (holder[swap.key] === true) return true;
  const file = resolveKafkajs(swap.module);
  const user = resolveKafkajs(swap.loadedBy);
  if (file === undefined || user === undefined || requireFromHere.cache[user] !== undefined) return false;
  requireFromHere(file);
  const loaded = requireFromHere.cache[file];
  if (loaded === undefined || typeof loaded.exports !== 'function') throw new Error(`kafkajs has no ${swap.module} function to replace: check the kafkajs version`);
  loaded.exports = swap.replace(loaded.exports as F);
  holder[swap.key] = true;
  return true;
}

/** kafkajs's module as it exports now (after a swap, the replacement). */
export function requireKafkajs<T>(file: string): T {
  return requireFromHere(`kafkajs/${file}`) as T;
}
