import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '#lib/metrics/metric-names';

const doc = readFileSync(new URL('../../../docs/operations.md', import.meta.url), 'utf8');

describe('docs/operations.md', () => {
  it.each(Object.entries(METRICS))('lists %s with its unit', (name, { unit }) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${name}\` \\| ${unit} \\|`, 'm'));
  });
});
