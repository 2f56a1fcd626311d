/**
 * kafkajs 2.2.x computes the CRC-32C of every record batch it produces one byte per step in plain
 * JavaScript (`protocol/recordBatch/crc32C`), a sixth of a busy producer's CPU. This patch, once per
 * process, replaces that module's export with our slicing-by-8 `crc32c` (same checksums, see
 * crc32c.ts and its tests).
 *
 * The record-batch encoder binds the function when kafkajs first loads it, which kafkajs does
 * lazily at the first produce request; so the patch must run before any producer sends, as
 * `applyKafkajsPatches` does before creating a client. When the encoder was loaded earlier, it
 * keeps kafkajs's own (correct, slower) function and `installFastCrc32c` returns false.
 * In a Lambda bundle kafkajs is inlined by esbuild and cannot be patched here (`installFastCrc32c`
 * returns false): the bundler resolves kafkajs's module to crc32c-kafkajs-shim.cjs instead
 * (infra/esbuild-plugins.ts), so bundles get our function too.
 * `useRecordBatchCrc('kafkajs')` switches back to kafkajs's own function, so that benchmarks can
 * compare with the raw client as shipped.
 */
import { createRequire } from 'node:module';
import { crc32c } from './crc32c';

const INSTALLED = Symbol.for('lambda-connect.kafkajs.crc32c');
const requireFromHere = createRequire(import.meta.url);

interface KafkajsModules {
  crc: string;
  recordBatch: string;
}

/**
 * kafkajs's module files, or undefined when kafkajs is not on disk as a package: a Lambda bundle
 * (esbuild inlines kafkajs, so there is nothing to resolve or patch; its bundler put our function in).
 */
function kafkajsModules(): KafkajsModules | undefined {
  try {
    return {
      crc: requireFromHere.resolve('kafkajs/src/protocol/recordBatch/crc32C/index.js'),
      recordBatch: requireFromHere.resolve('kafkajs/src/protocol/recordBatch/v0/index.js'),
    };
  } catch {
    return undefined;
  }
}

type Crc = (bytes: Buffer) => number;
interface Installed {
  readonly original: Crc;
  active: Crc;
}
type Holder = { [INSTALLED]?: Installed };
const holder = globalThis as Holder;

/** True when this patch gives kafkajs's record batches our CRC-32C (from now on, or already); false in a
 *  bundle, which has it from the bundler. */
export function installFastCrc32c(): boolean {
  if (holder[INSTALLED] !== undefined) return true;
  const modules = kafkajsModules();
  if (modules === undefined || requireFromHere.cache[modules.recordBatch] !== undefined) return false;
  requireFromHere(modules.crc);
  const loaded = requireFromHere.cache[modules.crc];
  if (loaded === undefined || typeof loaded.exports !== 'function') throw new Error('kafkajs has no protocol/recordBatch/crc32C function to patch: check the kafkajs version');
  const installed: Installed = { original: loaded.exports as Crc, active: crc32c };
  holder[INSTALLED] = installed;
  loaded.exports = (bytes: Buffer): number => installed.active(bytes);
  return true;
}

/** Which CRC-32C the installed patch computes: ours (the default) or kafkajs's own. */
export function useRecordBatchCrc(kind: 'slicing-by-8' | 'kafkajs'): void {
  const installed = holder[INSTALLED];
  if (installed === undefined) throw new Error('The kafkajs CRC-32C patch is not installed');
  installed.active = kind === 'kafkajs' ? installed.original : crc32c;
}

/** The function kafkajs's record-batch encoder uses or will use (for tests). */
export function kafkajsRecordBatchCrc(): Crc {
  const modules = kafkajsModules();
  if (modules === undefined) throw new Error('kafkajs is not installed as a package here');
  return requireFromHere(modules.crc) as Crc;
}
