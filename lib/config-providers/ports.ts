/**
 * The secret stores the AWS providers read, as ports: adapters over the AWS SDK for Lambda, and
 * in-memory stand-ins for tests and standalone mode. Adapters throw only the errors of ./errors.
 */

/** AWS Secrets Manager. */
export interface SecretStorePort {
  /** The secret's current `SecretString`; undefined when there is no such secret. */
  getSecretString(secretId: string): Promise<string | undefined>;
}

/** AWS Systems Manager Parameter Store. */
export interface ParameterStorePort {
  /** The values (SecureStrings decrypted) of those of `names` that exist, by name. */
  getParameters(names: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
