import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PREDICATES } from '#lib/predicates/register-builtin-predicates';
import { configTable } from '#lib/transforms/docs/config-table';
import { BUILTIN_TRANSFORMS } from '#lib/transforms/register-builtin-transforms';

const DOC = readFileSync(new URL('../../../../docs/transforms.md', import.meta.url), 'utf8');

describe('docs/transforms.md', () => {
  it.each([...BUILTIN_TRANSFORMS, ...BUILTIN_PREDICATES].map((d) => [d.className, d] as const))('documents %s with its current key table', (className, descriptor) => {
    expect(DOC).toContain(`\`${className}\``);
    expect(DOC).toContain(configTable(descriptor.configDef()));
  });
});

describe('configTable', () => {
  it('renders required keys, defaults, validators and HTML-free documentation', () => {
    const table = configTable(BUILTIN_TRANSFORMS.find((d) => d.className.endsWith('RegexRouter'))!.configDef());

    expect(table.split('\n').slice(2)).toEqual([
      '| `regex` | string | (required) | valid regex | high | Regular expression to use for matching. |',
      '| `replacement` | string | (required) |  | high | Replacement string. |',
    ]);
  });
});
