/**
 * The composition root of the basic-auth authorizer function, kept apart from lib/wiring.ts on
 * purpose: the authorizer runs before every uncached API request, so its cold start loads only the
 * settings and a Secrets Manager client — no table, Kafka client or plugin registry.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { InternalError } from '#lib/errors';
import { createBasicAuth, type BasicAuth } from './basic-auth';
import { createSecretsManagerReader } from '#lib/aws/secrets-reader';

let check: BasicAuth | undefined;

/** The process-wide check, built from the environment on first use. */
export function basicAuth(): BasicAuth {
  if (check) return check;
  const settings = settingsFromEnv();
  if (!settings.basicAuth) throw new InternalError('LAMBDA_CONNECT_BASIC_AUTH_SECRET is not set: the basic-auth authorizer has no users to check');
  check = createBasicAuth({ secrets: createSecretsManagerReader(new SecretsManagerClient({ region: settings.region })), ...settings.basicAuth });
  return check;
}
