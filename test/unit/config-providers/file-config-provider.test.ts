import { describe, expect, it } from 'vitest';
import { createFileConfigProvider } from '#lib/config-providers/file-config-provider';

const FILES: Record<string, string> = { '/s.properties': '# secrets\nuser=admin\npassword : p\\u0041ss\n' };
const read = async (path: string) => {
  const text = FILES[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
};

describe('file config provider', () => {
  it('returns the keys asked for from a Java properties file', async () => {
    const data = await createFileConfigProvider({ read }).get('/s.properties', new Set(['password', 'user', 'other']));

    expect(Object.fromEntries(data)).toEqual({ user: 'admin', password: 'pAss' });
  });

  it('returns nothing for a reference without a path', async () => {
    expect((await createFileConfigProvider({ read }).get('', new Set(['user']))).size).toBe(0);
  });

  it('fails with Kafka message when the file cannot be read', async () => {
    await expect(createFileConfigProvider({ read }).get('/missing', new Set(['user']))).rejects.toThrow('Could not read properties from file /missing (ENOENT)');
  });

  it('does not quote the file text when it cannot be parsed', async () => {
    FILES['/bad.properties'] = 'password=\\uZZZZ';

    await expect(createFileConfigProvider({ read }).get('/bad.properties', new Set(['password']))).rejects.toThrow(/^Could not read properties from file \/bad\.properties$/);
  });
});
