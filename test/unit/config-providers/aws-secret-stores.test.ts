import type { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { GetParametersCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { createAwsParameterStore } from '#lib/config-providers/aws-parameter-store';
import { createAwsSecretStore } from '#lib/config-providers/aws-secret-store';
import { ConfigProviderError, ConfigProviderUnavailableError } from '#lib/config-providers/errors';

function sdkError(name: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode } });
}

function secretsClient(answer: (command: GetSecretValueCommand) => unknown) {
  const sent: GetSecretValueCommand[] = [];
  return { sent, client: { send: async (command: GetSecretValueCommand) => (sent.push(command), answer(command)) } as never };
}

describe('Secrets Manager adapter', () => {
  it('reads the SecretString of the secret id', async () => {
    const { client, sent } = secretsClient(() => ({ SecretString: 'v' }));

    expect(await createAwsSecretStore(client).getSecretString('prod/db')).toBe('v');
    expect(sent[0]?.input).toEqual({ SecretId: 'prod/db' });
  });

  it('answers undefined for a secret that does not exist', async () => {
    const { client } = secretsClient(() => Promise.reject(sdkError('ResourceNotFoundException')));

    expect(await createAwsSecretStore(client).getSecretString('nope')).toBeUndefined();
  });

  it('turns throttling into a retriable error and access denied into a provider error', async () => {
    const throttled = secretsClient(() => Promise.reject(sdkError('ThrottlingException')));
    const denied = secretsClient(() => Promise.reject(sdkError('AccessDeniedException')));

    await expect(createAwsSecretStore(throttled.client).getSecretString('s')).rejects.toBeInstanceOf(ConfigProviderUnavailableError);
    await expect(createAwsSecretStore(denied.client).getSecretString('s')).rejects.toThrow(new ConfigProviderError('Reading secret s from Secrets Manager failed (AccessDeniedException)'));
  });

  it('rejects a binary secret', async () => {
    const { client } = secretsClient(() => ({ SecretBinary: new Uint8Array([1]) }));

    await expect(createAwsSecretStore(client).getSecretString('bin')).rejects.toThrow('Secret bin has no SecretString');
  });
});

describe('Parameter Store adapter', () => {
  it('reads parameters ten per call with decryption and skips invalid names', async () => {
    const sent: GetParametersCommand[] = [];
    const client = {
      send: async (command: GetParametersCommand) => {
        sent.push(command);
        const names = command.input.Names ?? [];
        return { Parameters: names.filter((n) => n !== '/p3').map((Name) => ({ Name, Value: `v${Name}` })), InvalidParameters: names.filter((n) => n === '/p3') };
      },
    } as never;
    const names = Array.from({ length: 12 }, (_, i) => `/p${i}`);

    const values = await createAwsParameterStore(client).getParameters(names);

    expect(sent.map((c) => [c.input.Names?.length, c.input.WithDecryption])).toEqual([[10, true], [2, true]]);
    expect(values.size).toBe(11);
    expect(values.get('/p11')).toBe('v/p11');
  });
});
