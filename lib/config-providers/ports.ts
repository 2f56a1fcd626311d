/**
 * The secret stores the AWS providers read, as ports: adapters over the AWS SDK for Lambda, and
 * in-memory stand-ins for tests and standalone mode. Adapters throw only the errors of ./errors.
 */

import type { SecretsReader } from '#lib/aws/secrets-reader';

/** AWS Secrets Manager: the runtime's one secrets port. */
export type SecretStorePort = SecretsReader;

/** AWS Systems Manager Parameter Store. */
export interface ParameterStorePort {
  /** The values (SecureStrings decrypted) of those of `names` that exist, by name. */
  getParameters(names: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
