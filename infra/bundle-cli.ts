/**
 * `node --import tsx infra/bundle-cli.ts <entry> <outDir>`: bundles one function with bundle.ts. The
 * CDK app's local asset bundling runs it (synchronously, in its own process: synthesis cannot await).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFunction } from './bundle.ts';

const [entry, outDir] = process.argv.slice(2);
if (entry === undefined || outDir === undefined) {
  console.error('usage: node --import tsx infra/bundle-cli.ts <entry, relative to the project root> <output directory>');
  process.exit(2);
}
await bundleFunction({ entry }, fileURLToPath(new URL('../', import.meta.url)), resolve(outDir));
