import { describe, expect, it } from 'vitest';
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { createDefaultRegistry } from '#lib/plugin/default-registry';
import { PluginRegistry } from '#lib/plugin/plugin-registry';

describe('registerBuiltinConnectors', () => {
  it('registers the FileStream sink and source connectors', () => {
    expect(registerBuiltinConnectors(new PluginRegistry()).list()).toEqual([
      { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '3.9.0' },
      { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '3.9.0' },
    ]);
  });

  it('is what the default registry starts with', () => {
    expect(createDefaultRegistry().connector('FileStreamSource').className).toBe('org.apache.kafka.connect.file.FileStreamSourceConnector');
  });
});
