/**
 * SDK failures of the secret stores as the errors of ./errors, so no SDK type leaves the adapters:
 * throttling, 5xx answers and unreachable endpoints are retriable; anything else (access denied,
 * a KMS key that cannot decrypt) is a provider error. Messages carry the SDK error's name only.
 */
import { ConnectError } from '#lib/errors';
import { ConfigProviderError, ConfigProviderUnavailableError } from './errors';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function sdkErrorName(err: unknown): string {
  const name = (err as SdkErrorShape | null)?.name;
  return typeof name === 'string' ? name : 'Error';
}

export function translateAwsError(err: unknown, what: string): ConnectError {
  if (err instanceof ConnectError) return err;
  const shape = (err ?? {}) as SdkErrorShape;
  const name = sdkErrorName(err);
  const status = shape.$metadata?.httpStatusCode ?? 0;
  const network = typeof shape.code === 'string' && NETWORK_CODES.has(shape.code);
  if (shape.$retryable !== undefined || status >= 500 || network || /Throttl|TooManyRequests|InternalServ/.test(name)) {
    return new ConfigProviderUnavailableError(`${what} failed for now (${name})`, { cause: err });
  }
  return new ConfigProviderError(`${what} failed (${name})`, { cause: err });
}
