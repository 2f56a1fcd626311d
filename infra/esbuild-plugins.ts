/**
 * esbuild plugins every Lambda bundle is built with (infra/bundle.ts, both deployers).
 *
 * `kafkajsFastCrc32c`: kafkajs computes a record batch's CRC-32C one byte per step
 * (`kafkajs/src/protocol/recordBatch/crc32C`). Outside a bundle, lib/kafka/kafkajs-crc32c.ts replaces
 * that module in Node's require cache; a bundle has no require cache for kafkajs, so this plugin
 * resolves the module (whatever the importer wrote: `../crc32C` from `recordBatch/v0`, or the full
 * path) to lib/kafka/crc32c-kafkajs-shim.cjs, whose export is our slicing-by-8 function.
 */
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';

/** The marker the shim carries into every bundle (the shim's `implementation`). */
export const FAST_CRC32C_MARKER = 'lambda-connect:crc32c-slicing-by-8';

const SKIP = 'kafkajsFastCrc32cResolving';

export function kafkajsFastCrc32c(projectRoot: string): Plugin {
  const shim = resolve(projectRoot, 'lib/kafka/crc32c-kafkajs-shim.cjs');
  const target = createRequire(resolve(projectRoot, 'package.json')).resolve('kafkajs/src/protocol/recordBatch/crc32C/index.js');
  return {
    name: 'kafkajs-fast-crc32c',
    setup(build) {
      let replaced = 0;
      build.onStart(() => {
        replaced = 0;
      });
      // Only specifiers that can name the module: `../crc32C`, `./`, `…/crc32C/index(.js)`.
      build.onResolve({ filter: /crc32C(\/index(\.js)?)?\/?$/ }, async (args) => {
        if ((args.pluginData as Record<string, unknown> | undefined)?.[SKIP]) return undefined;
        const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { [SKIP]: true } });
        if (result.errors.length > 0 || result.path !== target) return undefined;
        replaced++;
        return { path: shim };
      });
      // kafkajs's byte-wise loop never goes into a bundle, whichever path would bring it.
      build.onLoad({ filter: /[\\/]kafkajs[\\/]src[\\/]protocol[\\/]recordBatch[\\/]crc32C[\\/][^\\/]+\.js$/ }, (args) => ({
        errors: [{ text: `kafkajs's byte-wise CRC-32C ${args.path} would be bundled: resolve it to ${shim}` }],
      }));
      // kafkajs's record-batch encoder is in the bundle but took its CRC from elsewhere (another kafkajs?).
      build.onEnd((result) => {
        const encoder = Object.keys(result.metafile?.inputs ?? {}).some((input) => input.endsWith('kafkajs/src/protocol/recordBatch/v0/index.js'));
        if (!encoder || replaced > 0) return undefined;
        return { errors: [{ text: "kafkajs's record-batch encoder is bundled but its crc32C module was never resolved: check the kafkajs version" }] };
      });
    },
  };
}
