/**
 * The secret formats Lambda's Kafka event source mappings read, so one secret serves the mappings
 * and the runtime: SCRAM `{"username", "password"}` (MSK requires the secret name to start with
 * `AmazonMSK_` and a customer managed KMS key), mTLS `{"certificate", "privateKey",
 * "privateKeyPassword"?}` (PEM; the certificate may carry its chain). Errors name the secret and
 * the missing field, never a value.
 */
import { KafkaAuthError } from './errors';
import type { KafkaTls } from './kafka-security';

export function parseScramSecret(text: string, what: string): { username: string; password: string } {
  const fields = jsonObject(text, what, '{"username": …, "password": …}');
  return { username: required(fields, 'username', what), password: required(fields, 'password', what) };
}

/** `serverRootCaCertificate` (optional, PEM) is ours: the CA of the brokers when Node's roots do not cover them. */
export function parseMtlsSecret(text: string, what: string): KafkaTls {
  const fields = jsonObject(text, what, '{"certificate": PEM, "privateKey": PEM, "privateKeyPassword"?: …}');
  const passphrase = optional(fields, 'privateKeyPassword', what);
  const ca = optional(fields, 'serverRootCaCertificate', what);
  return {
    cert: required(fields, 'certificate', what),
    key: required(fields, 'privateKey', what),
    ...(passphrase === undefined ? {} : { passphrase }),
    ...(ca === undefined ? {} : { ca }),
  };
}

function jsonObject(text: string, what: string, shape: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new KafkaAuthError(`${what} must be a JSON object ${shape}`);
  return parsed as Record<string, unknown>;
}

function required(fields: Record<string, unknown>, key: string, what: string): string {
  const value = optional(fields, key, what);
  if (value === undefined || value === '') throw new KafkaAuthError(`${what} has no "${key}"`);
  return value;
}

function optional(fields: Record<string, unknown>, key: string, what: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new KafkaAuthError(`${what}: "${key}" must be a string`);
  return value;
}
