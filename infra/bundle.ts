/**
 * Bundles one function with esbuild's API, the manifest's `BUNDLING` options and our plugins
 * (infra/esbuild-plugins.ts) into `<outDir>/index.mjs` (+ source map). Both deployers build with it:
 * the CDK app's local asset bundling runs it through bundle-cli.ts, serverless.yml's local plugin
 * imports it; the tests load what it built.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { kafkajsPlugins } from './esbuild-plugins.ts';
import { BUNDLING, type FunctionSpec } from './functions.manifest.ts';

export async function bundleFunction(spec: Pick<FunctionSpec, 'entry'>, projectRoot: string, outDir: string): Promise<string> {
  const outfile = resolve(outDir, BUNDLING.outFile);
  await build({
    absWorkingDir: projectRoot,
    entryPoints: [resolve(projectRoot, spec.entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: BUNDLING.target,
    format: BUNDLING.format,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourcemap,
    mainFields: [...BUNDLING.mainFields],
    external: [...BUNDLING.external],
    banner: { js: BUNDLING.banner },
    // For the plugins' checks only; nothing is written.
    metafile: true,
    plugins: kafkajsPlugins(projectRoot),
    logLevel: 'warning',
  });
  return outfile;
}

