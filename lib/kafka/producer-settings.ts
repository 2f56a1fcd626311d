/**
 * Kafka producer configs (`producer.*` on the worker, `producer.override.*` per connector) mapped to
 * what kafkajs offers. Keys kafkajs has no equivalent for (linger.ms, batch.size, buffer.memory,
 * ...) are returned in `ignored` for one log line: each `send` is sent at once (the caller's batch
 * is the linger), in requests of at most `max.request.size` bytes. `delivery.timeout.ms` bounds
 * the retries (delivery-timeout.ts).
 */
import { ConfigException } from '#lib/plugin/config-exception';
import { DEFAULT_DELIVERY_TIMEOUT_MS, retriesWithin } from './delivery-timeout';

export type Acks = -1 | 0 | 1;
export type Compression = 'none' | 'gzip';

export interface ProducerSettings {
  readonly idempotent: boolean;
  readonly acks: Acks;
  readonly compression: Compression;
  /** Upper bound of one kafkajs sendBatch, in estimated bytes (Java's max.request.size). */
  readonly maxRequestSize: number;
  readonly requestTimeoutMs: number;
  /** kafkajs's maxInFlightRequests; 1 for the idempotent producer, undefined = unlimited. */
  readonly maxInFlightRequests: number | undefined;
  /** kafkajs retries of one send: `retries`, at most as many as fit into `delivery.timeout.ms`. */
  readonly retries: number;
  readonly retryBackoffMs: number | undefined;
  readonly retryBackoffMaxMs: number | undefined;
  readonly clientId: string | undefined;
  readonly metadataMaxAgeMs: number | undefined;
  readonly ignored: readonly string[];
}

const SUPPORTED = new Set([
  'enable.idempotence', 'acks', 'compression.type', 'max.request.size', 'request.timeout.ms', 'retries',
  'retry.backoff.ms', 'retry.backoff.max.ms', 'max.in.flight.requests.per.connection', 'client.id', 'metadata.max.age.ms',
  'delivery.timeout.ms',
]);
const COMPRESSIONS: readonly string[] = ['none', 'gzip'];

/** The keys under `prefix` (e.g. `producer.override.`), without it. */
export function prefixedProps(props: Readonly<Record<string, unknown>>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) if (key.startsWith(prefix) && value !== undefined && value !== null) out[key.slice(prefix.length)] = String(value);
  return out;
}

export function parseProducerSettings(props: Readonly<Record<string, unknown>>, defaults: { idempotent: boolean }): ProducerSettings {
  const get = (key: string): string | undefined => (props[key] === undefined || props[key] === null ? undefined : String(props[key]).trim());
  const idempotent = bool(get('enable.idempotence'), 'enable.idempotence') ?? defaults.idempotent;
  const acks = parseAcks(get('acks'));
  if (idempotent && acks !== -1) throw new ConfigException('Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.');
  const maxInFlight = int(get('max.in.flight.requests.per.connection'), 'max.in.flight.requests.per.connection', 1);
  if (idempotent && maxInFlight !== undefined && maxInFlight > 5) throw new ConfigException('Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.');
  const retries = int(get('retries'), 'retries', 0);
  if (idempotent && retries === 0) throw new ConfigException('Must set retries to non-zero when using the idempotent producer.');
  const retryBackoffMs = int(get('retry.backoff.ms'), 'retry.backoff.ms', 0);
  const retryBackoffMaxMs = int(get('retry.backoff.max.ms'), 'retry.backoff.max.ms', 0);
  const deliveryTimeoutMs = int(get('delivery.timeout.ms'), 'delivery.timeout.ms', 0) ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  const compression = (get('compression.type') ?? 'none').toLowerCase();
  if (!COMPRESSIONS.includes(compression)) throw new ConfigException('compression.type', compression, 'kafkajs bundles only the none and gzip codecs');
  return {
    idempotent,
    acks,
    compression: compression as Compression,
    maxRequestSize: int(get('max.request.size'), 'max.request.size', 1) ?? 1_048_576,
    requestTimeoutMs: int(get('request.timeout.ms'), 'request.timeout.ms', 0) ?? 30_000,
    // kafkajs serialises an idempotent producer's requests per broker; one in flight keeps sequences in order.
    maxInFlightRequests: idempotent ? 1 : maxInFlight,
    retries: Math.min(retries ?? (idempotent ? Number.MAX_SAFE_INTEGER : 5), retriesWithin(deliveryTimeoutMs, retryBackoffMs, retryBackoffMaxMs)),
    retryBackoffMs,
    retryBackoffMaxMs,
    clientId: get('client.id') || undefined,
    metadataMaxAgeMs: int(get('metadata.max.age.ms'), 'metadata.max.age.ms', 0),
    ignored: Object.keys(props).filter((key) => !SUPPORTED.has(key)).sort(),
  };
}

function parseAcks(value: string | undefined): Acks {
  switch (value?.toLowerCase() ?? 'all') {
    case 'all':
    case '-1':
      return -1;
    case '1':
      return 1;
    case '0':
      return 0;
    default:
      throw new ConfigException('acks', value, 'String must be one of: all, -1, 0, 1');
  }
}

function bool(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ConfigException(name, value, 'Expected value to be either true or false');
}

function int(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new ConfigException(name, value, 'Not a number of type INT');
  if (n < min) throw new ConfigException(name, n, `Value must be at least ${min}`);
  return n;
}
