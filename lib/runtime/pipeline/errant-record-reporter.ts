/**
 * Kafka's `WorkerErrantRecordReporter` (KIP-610): a sink task reports a record it could not
 * write; the error handler treats it as a TASK_PUT failure of `org.apache.kafka.connect.sink.SinkTask`
 * (Kafka names the interface, not the task's class). The DLQ gets the record as consumed when the
 * pipeline produced it; a record the task made itself is converted back to bytes first.
 */
import type { SinkRecord } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { ErrantRecordReporter } from '#lib/plugin/sink-task';
import { ProcessingContext } from '#lib/runtime/errors/processing-context';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import type { ConverterSet } from './converter-set';
import { headersToBytes } from './header-conversion';

export const SINK_TASK_CLASS = 'org.apache.kafka.connect.sink.SinkTask';

export interface ErrantRecordReporterDeps {
  operator: RetryWithToleranceOperator<ConsumerRecord>;
  converters: ConverterSet;
  originOf(record: SinkRecord): ConsumerRecord | undefined;
}

export function createErrantRecordReporter(deps: ErrantRecordReporterDeps): ErrantRecordReporter {
  const { operator, converters, originOf } = deps;
  return {
    async report(record, error) {
      const original = originOf(record) ?? reconsumed(record, converters);
      await operator.executeFailed(new ProcessingContext(original, 'TASK_PUT', SINK_TASK_CLASS), 'TASK_PUT', SINK_TASK_CLASS, error);
      await operator.flush();
    },
  };
}

/** The consumer record a SinkRecord would have come from, through the task's converters. */
function reconsumed(record: SinkRecord, converters: ConverterSet): ConsumerRecord {
  const { topic } = record;
  return {
    topic,
    partition: record.kafkaPartition,
    offset: record.kafkaOffset,
    timestamp: record.timestamp ?? -1,
    timestampType: record.timestampType,
    key: converters.key.fromConnectData(topic, record.headers, record.keySchema, record.key),
    value: converters.value.fromConnectData(topic, record.headers, record.valueSchema, record.value),
    headers: headersToBytes(converters.header, topic, record.headers),
  };
}
