/** Headers between Kafka bytes and Connect values, one header at a time through the header converter. */
import type { HeaderConverter } from '#lib/converters/converter';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { RecordHeader } from '#lib/kafka/producer-port';

/**
 * Kafka's `convertHeaderFor` (sources). The array comes from `Array.from` and the headers from a
 * class, not from literals: a pipeline keeps a batch of them until it is sent, and V8 would
 * pretenure a literal's allocation site, after which the young bytes they hold survive every
 * scavenge until a full GC (a third of the source throughput, at random).
 */
export function headersToBytes(converter: HeaderConverter, topic: string, headers: ConnectHeaders): RecordHeader[] {
  return Array.from(headers, (header) => new Header(header.key, converter.fromConnectHeader(topic, header.key, header.schema, header.value)));
}

/** Kafka's `convertHeadersFor` (sinks). */
export function headersFromBytes(converter: HeaderConverter, topic: string, headers: readonly RecordHeader[]): ConnectHeaders {
  const out = new ConnectHeaders();
  for (const header of headers) out.add(header.key, converter.toConnectHeader(topic, header.key, header.value));
  return out;
}

class Header implements RecordHeader {
  constructor(
    readonly key: string,
    readonly value: Uint8Array | null,
  ) {}
}
