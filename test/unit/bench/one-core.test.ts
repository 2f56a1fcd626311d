import { describe, expect, it } from 'vitest';
import { heapFlags } from '../../../bench/one-core.ts';
import { FUNCTIONS } from '../../../infra/functions.manifest.ts';

describe('the bench heap flags', () => {
  it('are the deployed pipeline functions\' by default', () => {
    const flags = heapFlags(['node', 'bench/run.ts', 'pipeline']);
    expect(flags).toEqual(['--max-semi-space-size=51', '--max-old-space-size=922']);
    for (const id of ['source-task', 'sink-task'] as const) {
      expect((FUNCTIONS[id].environment.NODE_OPTIONS as { value: string }).value).toContain(flags.join(' '));
    }
  });

  it('take --semi-space=<MB> for the semi-space, and --semi-space=node for none', () => {
    expect(heapFlags(['--semi-space=32'])).toEqual(['--max-semi-space-size=32', '--max-old-space-size=922']);
    expect(heapFlags(['--semi-space=node'])).toEqual([]);
    expect(() => heapFlags(['--semi-space=big'])).toThrow('--semi-space must be a size in MB or "node", got big');
  });
});
