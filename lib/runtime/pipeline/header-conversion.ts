/** Headers between Kafka bytes and Connect values, one header at a time through the header converter. */
import type { HeaderConverter } from '#lib/converters/converter';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { RecordHeader } from '#lib/kafka/producer-port';

/** Kafka's `convertHeaderFor` (sources). */
export function headersToBytes(converter: HeaderConverter, topic: string, headers: ConnectHeaders): RecordHeader[] {
  const out: RecordHeader[] = [];
  for (const header of headers) out.push({ key: header.key, value: converter.fromConnectHeader(topic, header.key, header.schema, header.value) });
  return out;
}

/** Kafka's `convertHeadersFor` (sinks). */
export function headersFromBytes(converter: HeaderConverter, topic: string, headers: readonly RecordHeader[]): ConnectHeaders {
  const out = new ConnectHeaders();
  for (const header of headers) out.add(header.key, converter.toConnectHeader(topic, header.key, header.value));
  return out;
}
