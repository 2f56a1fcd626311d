import { describe, expect, it } from 'vitest';
import { createConfigTransformer } from '#lib/config-providers/config-transformer';
import { ConfigProviderError } from '#lib/config-providers/errors';
import type { ConfigProvider } from '#lib/config-providers/types';

/** A provider over fixed data per path that records what it was asked for. */
function recordingProvider(data: Record<string, Record<string, string>>) {
  const calls: { path: string; keys: string[] }[] = [];
  const provider: ConfigProvider = {
    async get(path, keys) {
      calls.push({ path, keys: [...keys].sort() });
      const values = data[path] ?? {};
      return new Map([...keys].filter((key) => key in values).map((key) => [key, values[key] ?? '']));
    },
  };
  return { provider, calls };
}

function transformer(providers: Record<string, ConfigProvider>) {
  return createConfigTransformer(new Map(Object.entries(providers)));
}

describe('ConfigTransformer', () => {
  it('replaces a reference with a path and one without', async () => {
    const { provider } = recordingProvider({ '': { A: 'alpha' }, '/etc/x.properties': { user: 'bob' } });

    const resolved = await transformer({ p: provider }).resolve({ a: '${p:A}', b: '${p:/etc/x.properties:user}' });

    expect(resolved).toEqual({ a: 'alpha', b: 'bob' });
  });

  it('replaces every reference inside a longer value and keeps the text around them', async () => {
    const { provider } = recordingProvider({ '': { U: 'u1', P: 'p$1' } });

    const resolved = await transformer({ p: provider }).resolve({ url: 'jdbc://${p:U}:${p:P}@host/${p:MISSING}' });

    expect(resolved.url).toBe('jdbc://u1:p$1@host/${p:MISSING}');
  });

  it('leaves references to a provider that is not configured exactly as written', async () => {
    const resolved = await transformer({}).resolve({ a: '${vault:secret/x:pw}', b: 'plain' });

    expect(resolved).toEqual({ a: '${vault:secret/x:pw}', b: 'plain' });
  });

  it('leaves a key the provider did not return as written', async () => {
    const { provider } = recordingProvider({ '': {} });

    expect(await transformer({ p: provider }).resolve({ a: '${p:NOPE}' })).toEqual({ a: '${p:NOPE}' });
  });

  it('splits provider, path and key as Kafka pattern does: the path ends at its first colon', async () => {
    const { provider, calls } = recordingProvider({ a: { 'b:c': 'v' } });

    expect(await transformer({ p: provider }).resolve({ x: '${p:a:b:c}' })).toEqual({ x: 'v' });
    expect(calls).toEqual([{ path: 'a', keys: ['b:c'] }]);
  });

  it('asks a provider once per path for all keys referenced there', async () => {
    const { provider, calls } = recordingProvider({ f: { k1: '1', k2: '2' } });

    await transformer({ p: provider }).resolve({ a: '${p:f:k1}', b: '${p:f:k2}', c: '${p:f:k1}' });

    expect(calls).toEqual([{ path: 'f', keys: ['k1', 'k2'] }]);
  });

  it('does not resolve references inside resolved values', async () => {
    const { provider } = recordingProvider({ '': { A: '${p:B}', B: 'b' } });

    expect(await transformer({ p: provider }).resolve({ a: '${p:A}' })).toEqual({ a: '${p:B}' });
  });

  it('leaves text that is not a complete reference alone', async () => {
    const resolved = await transformer({}).resolve({ a: '${no-colon}', b: '$p:x}', c: '' });

    expect(resolved).toEqual({ a: '${no-colon}', b: '$p:x}', c: '' });
  });

  it('propagates what a provider throws', async () => {
    const failing: ConfigProvider = { get: async () => Promise.reject(new ConfigProviderError('cannot read')) };

    await expect(transformer({ p: failing }).resolve({ a: '${p:x}' })).rejects.toThrow('cannot read');
  });

  it('does not change the config it was given', async () => {
    const { provider } = recordingProvider({ '': { A: 'alpha' } });
    const config = { a: '${p:A}' };

    await transformer({ p: provider }).resolve(config);

    expect(config).toEqual({ a: '${p:A}' });
  });
});
