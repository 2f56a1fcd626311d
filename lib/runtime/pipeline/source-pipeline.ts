/**
 * The source direction (Kafka's AbstractWorkerSourceTask.sendRecords / convertTransformedRecord),
 * per polled record: transformations → header converter → key converter → value converter →
 * producer record. Each stage runs under the error handler; a failure's DLQ record carries what
 * was converted so far (our extension, see docs/error-handling.md).
 */
import type { SourceRecord } from '#lib/data/connect-record';
import type { RecordHeader } from '#lib/kafka/producer-port';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import type { SourceRecordProgress } from '#lib/runtime/errors/source-record-progress';
import { closeConverters, type ConverterSet } from './converter-set';
import { headersToBytes } from './header-conversion';
import { deadLetters, Failure, failure, recoverStage } from './recover-stage';
import { checkAndConvertTimestamp } from './timestamps';
import type { TransformationStage } from '#lib/transforms/transformation-stage';
import type { FailedRecord, SourcePipeline, SourcePipelineResult, SourceProducerRecord } from './types';

export interface SourcePipelineParts {
  converters: ConverterSet;
  transformations: readonly TransformationStage<SourceRecord>[];
  operator: RetryWithToleranceOperator<SourceRecordProgress>;
}

export function createSourcePipelineFromParts(parts: SourcePipelineParts): SourcePipeline {
  const { converters, transformations, operator } = parts;
  const { keyClass, valueClass, headerClass } = converters;
  const convertHeaders = (r: SourceRecord): RecordHeader[] => headersToBytes(converters.header, r.topic, r.headers);
  const convertKey = (r: SourceRecord) => converters.key.fromConnectData(r.topic, r.headers, r.keySchema, r.key);
  const convertValue = (r: SourceRecord) => converters.value.fromConnectData(r.topic, r.headers, r.valueSchema, r.value);

  /** The producer record, null when a transformation dropped the record, or the failure. */
  async function transformAndConvert(original: SourceRecord): Promise<SourceProducerRecord | null | Failure<SourceRecord>> {
    let record: SourceRecord | null = original;
    for (let i = 0; i < transformations.length && record !== null; i++) {
      const stage = transformations[i] as TransformationStage<SourceRecord>;
      const input: SourceRecord = record;
      try {
        record = stage.apply(input);
      } catch (error) {
        const outcome = await recoverStage(operator, progress(original, input), 'TRANSFORMATION', stage.transformClass, (r: SourceRecord) => stage.apply(r), input, error);
        if (!outcome.ok) return failure(outcome.context, original);
        record = outcome.value;
      }
    }
    if (record === null) return null;
    let headers, key, value;
    try {
      headers = convertHeaders(record);
    } catch (error) {
      const outcome = await recoverStage(operator, progress(original, record), 'HEADER_CONVERTER', headerClass, convertHeaders, record, error);
      if (!outcome.ok) return failure(outcome.context, original);
      headers = outcome.value;
    }
    try {
      key = convertKey(record);
    } catch (error) {
      const outcome = await recoverStage(operator, progress(original, record, headers), 'KEY_CONVERTER', keyClass, convertKey, record, error);
      if (!outcome.ok) return failure(outcome.context, original);
      key = outcome.value;
    }
    try {
      value = convertValue(record);
    } catch (error) {
      const outcome = await recoverStage(operator, progress(original, record, headers, key), 'VALUE_CONVERTER', valueClass, convertValue, record, error);
      if (!outcome.ok) return failure(outcome.context, original);
      value = outcome.value;
    }
    const timestamp = checkAndConvertTimestamp(record.timestamp);
    // One object shape for every record (undefined rather than absent keys) keeps the producer's access monomorphic.
    return { topic: record.topic, partition: record.kafkaPartition ?? undefined, key, value, headers, timestamp: timestamp ?? undefined, source: original };
  }

  return {
    async process(batch) {
      const produce: SourceProducerRecord[] = [];
      const dropped: SourceRecord[] = [];
      const failed: FailedRecord<SourceRecord>[] = [];
      for (const original of batch) {
        const result = await transformAndConvert(original);
        if (result === null) dropped.push(original);
        else if (result instanceof Failure) {
          failed.push(result.failed);
          dropped.push(original);
        } else produce.push(result);
      }
      await operator.flush();
      return { produce, dropped, failed, dlq: deadLetters(failed) } satisfies SourcePipelineResult;
    },
    close() {
      closeConverters(converters);
      for (const stage of transformations) stage.close();
    },
  };
}

function progress(original: SourceRecord, record: SourceRecord, headers?: RecordHeader[], key?: Uint8Array | null): SourceRecordProgress {
  return { original, record, ...(headers === undefined ? {} : { headers }), ...(key === undefined ? {} : { key }) };
}
