/**
 * Bundles one function with esbuild's API and the manifest's `BUNDLING` options — the options the CDK
 * app hands NodejsFunction — into `<outDir>/index.mjs` (+ source map). Used by serverless.yml's local
 * plugin and by the tests that load what was built.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { BUNDLING, type FunctionSpec } from './functions.manifest.ts';

export async function bundleFunction(spec: FunctionSpec, projectRoot: string, outDir: string): Promise<string> {
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
    logLevel: 'warning',
  });
  return outfile;
}
