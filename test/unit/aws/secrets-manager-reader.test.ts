import type { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { createSecretsManagerReader } from '#lib/aws/secrets-reader';

function client(answer: (input: unknown) => unknown): SecretsManagerClient & { inputs: unknown[] } {
  const inputs: unknown[] = [];
  return {
    inputs,
    send: async (command: GetSecretValueCommand) => {
      inputs.push(command.input);
      return answer(command.input);
    },
  } as unknown as SecretsManagerClient & { inputs: unknown[] };
}

const awsError = (name: string, status: number) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });

describe('createSecretsManagerReader', () => {
  it('reads the SecretString of the secret id', async () => {
    const sm = client(() => ({ SecretString: '{"username":"u","password":"p"}' }));

    expect(await createSecretsManagerReader(sm).getSecretString('arn:secret')).toBe('{"username":"u","password":"p"}');
    expect(sm.inputs).toEqual([{ SecretId: 'arn:secret' }]);
  });

  it('answers undefined for a secret that does not exist', async () => {
    const sm = client(() => Promise.reject(awsError('ResourceNotFoundException', 400)));

    expect(await createSecretsManagerReader(sm).getSecretString('arn:secret')).toBeUndefined();
  });

  it('fails retriably on throttling and fails for good on access denied', async () => {
    const throttled = createSecretsManagerReader(client(() => Promise.reject(awsError('ThrottlingException', 400))));
    const denied = createSecretsManagerReader(client(() => Promise.reject(awsError('AccessDeniedException', 400))));

    await expect(throttled.getSecretString('arn:secret')).rejects.toMatchObject({ retriable: true });
    await expect(denied.getSecretString('arn:secret')).rejects.toMatchObject({ retriable: false, message: 'Reading secret arn:secret from Secrets Manager failed: AccessDeniedException happened' });
  });
});
