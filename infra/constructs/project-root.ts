/** Paths relative to the repository root (where package.json, functions/ and lib/ are). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function projectPath(relative: string): string {
  return resolve(root, relative);
}
