/**
 * Applies our kafkajs patches once per process; every factory here calls it before creating a client.
 * The swaps kafkajs binds when it first loads (grouping by partition, request framing) are installed
 * earlier, by kafkajs-preload.ts; the ones it binds lazily at the first produce request are installed here.
 */
import { installControllerFallback } from './kafkajs-controller-fallback';
import { installFastCrc32c, useRecordBatchCrc } from './kafkajs-crc32c';
import { useGrouping } from './kafkajs-group-messages';
import { useRequestFraming } from './kafkajs-request-framing';
import { installNullHeaderValues } from './kafkajs-null-header';
import { installFastProduceRequest, useProduceRequestEncoder } from './kafkajs-produce-request';

export function applyKafkajsPatches(): void {
  installControllerFallback();
  installNullHeaderValues();
  installFastCrc32c();
  installFastProduceRequest();
}

/**
 * Which encoding kafkajs's producers use from now on: ours (the default: grouping by partition in one
 * pass, one-pass Produce requests, slicing-by-8 CRC-32C, one-copy request framing; same bytes) or
 * kafkajs's own, for benchmarks that compare with the raw client as shipped. The patches must be installed.
 */
export function useKafkajsEncoding(kind: 'ours' | 'stock'): void {
  useGrouping(kind === 'stock' ? 'kafkajs' : 'one-pass');
  useRequestFraming(kind === 'stock' ? 'kafkajs' : 'one-copy');
  useRecordBatchCrc(kind === 'stock' ? 'kafkajs' : 'slicing-by-8');
  useProduceRequestEncoder(kind === 'stock' ? 'kafkajs' : 'one-pass');
}
