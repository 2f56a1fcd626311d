/**
 * esbuild plugins every Lambda bundle is built with (infra/bundle.ts, both deployers). Outside a bundle,
 * lib/kafka/kafkajs-patches.ts swaps two kafkajs modules in Node's require cache; a bundle has no
 * require cache for kafkajs, so these plugins resolve the modules to shims instead, whatever the
 * importer wrote (`../crc32C` from `recordBatch/v0`, `../v3/request` from `produce/v4`, or full paths).
 *
 * `kafkajsFastCrc32c`: kafkajs computes a record batch's CRC-32C one byte per step
 * (`kafkajs/src/protocol/recordBatch/crc32C`); it becomes lib/kafka/crc32c-kafkajs-shim.cjs, whose
 * export is our slicing-by-8 function, and kafkajs's loop never goes into a bundle.
 *
 * `kafkajsFastProduceRequest`: kafkajs's Produce v3 request (which v4–v7 build on) becomes
 * lib/kafka/produce-request-kafkajs-shim.cjs, which wraps the original with our one-pass encoder.
 *
 * `kafkajsLinearGrouping`: kafkajs's quadratic `producer/groupMessagesPerPartition` becomes
 * lib/kafka/group-messages-kafkajs-shim.cjs (same result, one pass); kafkajs's never goes in.
 *
 * `kafkajsOneCopyFraming`: kafkajs's `protocol/request` (size prefix and request header around every
 * request body) becomes lib/kafka/request-framing-kafkajs-shim.cjs (same bytes, one copy).
 */
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';

/** The marker the CRC shim carries into every bundle (the shim's `implementation`). */
export const FAST_CRC32C_MARKER = 'lambda-connect:crc32c-slicing-by-8';
/** The marker the Produce request shim carries into every bundle. */
export const FAST_PRODUCE_REQUEST_MARKER = 'lambda-connect:produce-request-one-pass';
/** The marker the request framing shim carries into every bundle. */
export const ONE_COPY_FRAMING_MARKER = 'lambda-connect:request-framing-one-copy';
/** The marker the grouping shim carries into every bundle. */
export const LINEAR_GROUPING_MARKER = 'lambda-connect:group-messages-one-pass';

const SKIP = 'kafkajsShimResolving';

interface ModuleSwap {
  readonly name: string;
  /** kafkajs's module, from the package root. */
  readonly module: string;
  /** The shim, from the project root. */
  readonly shim: string;
  /** Specifiers that can name the module. */
  readonly filter: RegExp;
  /** A kafkajs module that is bundled only with the swapped one: if it is in and nothing was swapped, fail. */
  readonly user: string;
  /** Fails the build when kafkajs's original would be bundled anyway (the shim does not need it). */
  readonly forbidOriginal?: { readonly files: RegExp; readonly what: string };
}

function swapKafkajsModule(projectRoot: string, swap: ModuleSwap): Plugin {
  const shim = resolve(projectRoot, swap.shim);
  const target = createRequire(resolve(projectRoot, 'package.json')).resolve(`kafkajs/${swap.module}`);
  return {
    name: swap.name,
    setup(build) {
      let replaced = 0;
      build.onStart(() => {
        replaced = 0;
      });
      build.onResolve({ filter: swap.filter }, async (args) => {
        // The shim itself may require the original.
        if ((args.pluginData as Record<string, unknown> | undefined)?.[SKIP] || args.importer === shim) return undefined;
        const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { [SKIP]: true } });
        if (result.errors.length > 0 || result.path !== target) return undefined;
        replaced++;
        return { path: shim };
      });
      const forbidden = swap.forbidOriginal;
      if (forbidden !== undefined) {
        build.onLoad({ filter: forbidden.files }, (args) => ({ errors: [{ text: `kafkajs's ${forbidden.what} ${args.path} would be bundled: resolve it to ${shim}` }] }));
      }
      // kafkajs's user of the module is in the bundle but took it from elsewhere (another kafkajs?).
      build.onEnd((result) => {
        const used = Object.keys(result.metafile?.inputs ?? {}).some((input) => input.endsWith(`kafkajs/${swap.user}`));
        if (!used || replaced > 0) return undefined;
        return { errors: [{ text: `kafkajs's ${swap.user} is bundled but its ${swap.module} was never resolved to ${swap.shim}: check the kafkajs version` }] };
      });
    },
  };
}

export function kafkajsFastCrc32c(projectRoot: string): Plugin {
  return swapKafkajsModule(projectRoot, {
    name: 'kafkajs-fast-crc32c',
    module: 'src/protocol/recordBatch/crc32C/index.js',
    shim: 'lib/kafka/crc32c-kafkajs-shim.cjs',
    filter: /crc32C(\/index(\.js)?)?\/?$/,
    user: 'src/protocol/recordBatch/v0/index.js',
    // kafkajs's byte-wise loop never goes into a bundle.
    forbidOriginal: { files: /[\\/]kafkajs[\\/]src[\\/]protocol[\\/]recordBatch[\\/]crc32C[\\/][^\\/]+\.js$/, what: 'byte-wise CRC-32C' },
  });
}

export function kafkajsFastProduceRequest(projectRoot: string): Plugin {
  return swapKafkajsModule(projectRoot, {
    name: 'kafkajs-fast-produce-request',
    module: 'src/protocol/requests/produce/v3/request.js',
    shim: 'lib/kafka/produce-request-kafkajs-shim.cjs',
    filter: /v3\/request(\.js)?$/,
    user: 'src/protocol/requests/produce/index.js',
  });
}

export function kafkajsLinearGrouping(projectRoot: string): Plugin {
  return swapKafkajsModule(projectRoot, {
    name: 'kafkajs-linear-grouping',
    module: 'src/producer/groupMessagesPerPartition.js',
    shim: 'lib/kafka/group-messages-kafkajs-shim.cjs',
    filter: /groupMessagesPerPartition(\.js)?$/,
    user: 'src/producer/sendMessages.js',
    forbidOriginal: { files: /[\\/]kafkajs[\\/]src[\\/]producer[\\/]groupMessagesPerPartition\.js$/, what: 'quadratic groupMessagesPerPartition' },
  });
}

export function kafkajsOneCopyFraming(projectRoot: string): Plugin {
  return swapKafkajsModule(projectRoot, {
    name: 'kafkajs-one-copy-framing',
    module: 'src/protocol/request.js',
    shim: 'lib/kafka/request-framing-kafkajs-shim.cjs',
    filter: /protocol\/request(\.js)?$/,
    user: 'src/network/connection.js',
    forbidOriginal: { files: /[\\/]kafkajs[\\/]src[\\/]protocol[\\/]request\.js$/, what: 'two-copy request framing' },
  });
}

/** Every plugin a Lambda bundle is built with. */
export function kafkajsPlugins(projectRoot: string): Plugin[] {
  return [kafkajsFastCrc32c(projectRoot), kafkajsFastProduceRequest(projectRoot), kafkajsLinearGrouping(projectRoot), kafkajsOneCopyFraming(projectRoot)];
}
