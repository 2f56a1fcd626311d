import { describe, expect, it } from 'vitest';
import { createEnvConfigProvider } from '#lib/config-providers/env-config-provider';

const ENV = { DB_PASSWORD: 'pw', DB_USER: 'u', HOME: '/root' };

describe('env config provider', () => {
  it('returns the variables asked for that exist', async () => {
    const data = await createEnvConfigProvider({ env: ENV }).get('', new Set(['DB_PASSWORD', 'MISSING']));

    expect(Object.fromEntries(data)).toEqual({ DB_PASSWORD: 'pw' });
  });

  it('rejects a path with Kafka message', async () => {
    await expect(createEnvConfigProvider({ env: ENV }).get('x', new Set(['DB_USER']))).rejects.toThrow(
      "Path is not supported for EnvVarConfigProvider, invalid value 'x'",
    );
  });

  it('hides variables allowlist.pattern does not match, matching anywhere in the name', async () => {
    const provider = createEnvConfigProvider({ env: ENV, allowlistPattern: 'DB_' });

    const data = await provider.get('', new Set(['DB_USER', 'HOME']));

    expect(Object.fromEntries(data)).toEqual({ DB_USER: 'u' });
  });
});
