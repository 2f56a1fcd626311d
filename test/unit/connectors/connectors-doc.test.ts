import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectorConfigTable } from '#lib/connectors/docs/connector-config-table';
import { registerBuiltinConnectors } from '#lib/connectors/register-builtin-connectors';
import { ConfigDef } from '#lib/plugin/config-def';
import { PluginRegistry } from '#lib/plugin/plugin-registry';

const DOC = readFileSync(new URL('../../../docs/connectors.md', import.meta.url), 'utf8');

describe('docs/connectors.md', () => {
  const connectors = registerBuiltinConnectors(new PluginRegistry()).connectors();

  it.each(connectors.map((d) => [d.className, d] as const))('documents %s with its current key table', (className, descriptor) => {
    expect(DOC).toContain(`\`${className}\``);
    expect(DOC).toContain(connectorConfigTable(descriptor.configDef()));
  });
});

describe('connectorConfigTable', () => {
  it('turns RST code, line breaks and bullets into one Markdown cell and leaves out internal keys', () => {
    const def = new ConfigDef()
      .define({ name: 'a', type: 'STRING', defaultValue: 'x', importance: 'LOW', documentation: 'Use ``b``:\n  * one\n  * two' })
      .define({ name: 'hidden', type: 'INT', defaultValue: 1, importance: 'LOW', internalConfig: true });
    expect(connectorConfigTable(def).split('\n').slice(2)).toEqual(['| `a` | string | `x` |  | low | Use `b`:<br>• one<br>• two |']);
  });
});
