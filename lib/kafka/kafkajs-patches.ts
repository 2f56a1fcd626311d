/**
 * Applies our kafkajs patches once per process; every factory here calls it before creating a client.
 * The swaps kafkajs binds when it first loads (grouping by partition, request framing) are installed
 * earlier, by kafkajs-preload.ts; the ones it binds lazily at the first produce request are installed here.
 */
import { installControllerFallback } from './kafkajs-controller-fallback';
import { CRC_SWAP, installFastCrc32c } from './kafkajs-crc32c';
import { GROUPING_SWAP } from './kafkajs-group-messages';
import { installNullHeaderValues } from './kafkajs-null-header';
import { installFastProduceRequest, PRODUCE_REQUEST_SWAP } from './kafkajs-produce-request';
import { FRAMING_SWAP } from './kafkajs-request-framing';
import { useKafkajsOwn } from './kafkajs-swap';

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
  for (const swap of [GROUPING_SWAP, FRAMING_SWAP, CRC_SWAP, PRODUCE_REQUEST_SWAP]) useKafkajsOwn(swap, kind === 'stock');
}
