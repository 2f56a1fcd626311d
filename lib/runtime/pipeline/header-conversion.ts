/** Headers between Kafka bytes and Connect values, one header at a time through the header converter. */
import type { HeaderConverter } from '#lib/converters/converter';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { RecordHeader } from '#lib/kafka/producer-port';

/**
 * Kafka's `convertHeaderFor` (sources). The array comes from `ConnectHeaders.map` and the headers
 * from a class, not from literals: a pipeline keeps a batch of them until it is sent, and V8 would
 * pretenure a literal's allocation site, after which the young bytes they hold survive every
 * scavenge until a full GC (a third of the source throughput, at random).
 */
export function headersToBytes(converter: HeaderConverter, topic: string, headers: ConnectHeaders): RecordHeader[] {
  return headers.map((header) => new Header(header.key, converter.fromConnectHeader(topic, header.key, header.schema, header.value)));
}

/**
 * Kafka's `convertHeadersFor` (sinks): each header converted and checked in order, as `add` would,
 * into one array of exact length (growing an empty one by `push` allocates room for 16).
 */
export function headersFromBytes(converter: HeaderConverter, topic: string, headers: readonly RecordHeader[]): ConnectHeaders {
  return ConnectHeaders.adopting(headers.map((header) => ConnectHeaders.header(header.key, converter.toConnectHeader(topic, header.key, header.value))));
}

class Header implements RecordHeader {
  constructor(
    readonly key: string,
    readonly value: Uint8Array | null,
  ) {}
}
