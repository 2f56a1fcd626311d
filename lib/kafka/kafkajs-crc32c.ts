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
 * `useKafkajsEncoding('stock')` (kafkajs-patches.ts) switches back to kafkajs's own function, so that
 * benchmarks can compare with the raw client as shipped.
 */
import { crc32c } from './crc32c';
import { swapKafkajsModule } from './kafkajs-swap';

export const CRC_SWAP = Symbol.for('lambda-connect.kafkajs.crc32c');

type Crc = (bytes: Buffer) => number;

/** True when this patch gives kafkajs's record batches our CRC-32C (from now on, or already); false in a
 *  bundle, which has it from the bundler. */
export function installFastCrc32c(): boolean {
  return swapKafkajsModule<Crc>({ key: CRC_SWAP, module: 'src/protocol/recordBatch/crc32C/index.js', loadedBy: 'src/protocol/recordBatch/v0/index.js', ours: () => crc32c });
}
