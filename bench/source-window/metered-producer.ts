/**
 * The window bench's view of the producer: counts the records Kafka acknowledged and keeps a copy
 * of the first batch sent, so raw kafkajs can send the very same bytes afterwards.
 */
import type { ProducerPort, ProducerRecord } from '#lib/kafka/producer-port';

export interface MeteredProducer extends ProducerPort {
  /** Records acknowledged so far. */
  acknowledged(): number;
  /** The first batch handed to send, as sent. */
  sample(): readonly ProducerRecord[];
}

export function meterProducer(inner: ProducerPort): MeteredProducer {
  let acknowledged = 0;
  let sample: readonly ProducerRecord[] = [];
  return {
    async send(records) {
      if (sample.length === 0) sample = [...records];
      const metadata = await inner.send(records);
      acknowledged += records.length;
      return metadata;
    },
    acknowledged: () => acknowledged,
    sample: () => sample,
  };
}
