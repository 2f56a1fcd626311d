/**
 * The sink direction (Kafka's WorkerSinkTask.convertAndTransformRecord), per consumed record: key
 * converter → value converter → header converter → SinkRecord → transformations. Each stage runs
 * under the error handler; a record that fails (tolerated) or is dropped goes no further.
 */
import type { SchemaAndValue } from '#lib/data/schema-and-value';
import type { SinkRecord } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import { closeConverters, type ConverterSet } from './converter-set';
import { headersFromBytes } from './header-conversion';
import { deadLetters, Failure, failure, recoverStage } from './recover-stage';
import { checkAndConvertTimestamp } from './timestamps';
import type { TransformationStage } from '#lib/transforms/transformation-stage';
import type { FailedRecord, SinkPipeline, SinkPipelineResult } from './types';

export interface SinkPipelineParts {
  converters: ConverterSet;
  transformations: readonly TransformationStage<SinkRecord>[];
  operator: RetryWithToleranceOperator<ConsumerRecord>;
}

/**
 * Where a SinkRecord came from (Kafka's InternalSinkRecord), kept on the record under a symbol so
 * that it survives transformations that copy records with `{ ...record }`. A WeakMap would do the
 * same at several times the cost of the whole pipeline.
 */
const ORIGIN: unique symbol = Symbol('lambda-connect.consumerRecord');

type WithOrigin = SinkRecord & { readonly [ORIGIN]?: ConsumerRecord };

/** The consumed record a SinkRecord of a sink pipeline came from, if the record still carries it. */
export function originOf(record: SinkRecord): ConsumerRecord | undefined {
  return (record as WithOrigin)[ORIGIN];
}

export function createSinkPipelineFromParts(parts: SinkPipelineParts): SinkPipeline {
  const { converters, transformations, operator } = parts;
  const { keyClass, valueClass, headerClass } = converters;
  const convertKey = (msg: ConsumerRecord): SchemaAndValue => converters.key.toConnectData(msg.topic, undefined, msg.key);
  const convertValue = (msg: ConsumerRecord): SchemaAndValue => converters.value.toConnectData(msg.topic, undefined, msg.value);
  const convertHeaders = (msg: ConsumerRecord) => headersFromBytes(converters.header, msg.topic, msg.headers);

  /** The record for `put`, null when a transformation dropped it, or the failure. */
  async function convertAndTransform(msg: ConsumerRecord): Promise<SinkRecord | null | Failure<ConsumerRecord>> {
    let key, value, headers;
    try {
      key = convertKey(msg);
    } catch (error) {
      const outcome = await recoverStage(operator, msg, 'KEY_CONVERTER', keyClass, convertKey, msg, error);
      if (!outcome.ok) return failure(outcome.context, msg);
      key = outcome.value;
    }
    try {
      value = convertValue(msg);
    } catch (error) {
      const outcome = await recoverStage(operator, msg, 'VALUE_CONVERTER', valueClass, convertValue, msg, error);
      if (!outcome.ok) return failure(outcome.context, msg);
      value = outcome.value;
    }
    try {
      headers = convertHeaders(msg);
    } catch (error) {
      const outcome = await recoverStage(operator, msg, 'HEADER_CONVERTER', headerClass, convertHeaders, msg, error);
      if (!outcome.ok) return failure(outcome.context, msg);
      headers = outcome.value;
    }
    const converted: WithOrigin = {
      topic: msg.topic,
      kafkaPartition: msg.partition,
      keySchema: key.schema,
      key: key.value,
      valueSchema: value.schema,
      value: value.value,
      timestamp: checkAndConvertTimestamp(msg.timestamp),
      headers,
      kafkaOffset: msg.offset,
      timestampType: msg.timestampType,
      originalTopic: msg.topic,
      originalKafkaPartition: msg.partition,
      originalKafkaOffset: msg.offset,
      // Last: a computed key ends the literal's fast-path boilerplate.
      [ORIGIN]: msg,
    };
    let record: SinkRecord | null = converted;
    for (let i = 0; i < transformations.length && record !== null; i++) {
      const stage = transformations[i] as TransformationStage<SinkRecord>;
      const input: SinkRecord = record;
      try {
        record = stage.apply(input);
      } catch (error) {
        const outcome = await recoverStage(operator, msg, 'TRANSFORMATION', stage.transformClass, (r: SinkRecord) => stage.apply(r), input, error);
        if (!outcome.ok) return failure(outcome.context, msg);
        record = outcome.value;
      }
    }
    return record;
  }

  return {
    async process(batch) {
      const records: SinkRecord[] = [];
      const failed: FailedRecord<ConsumerRecord>[] = [];
      let filtered = 0;
      for (const msg of batch) {
        const result = await convertAndTransform(msg);
        if (result === null) filtered++;
        else if (result instanceof Failure) failed.push(result.failed);
        else records.push(result);
      }
      await operator.flush();
      return { records, filtered, failed, dlq: deadLetters(failed) } satisfies SinkPipelineResult;
    },
    close() {
      closeConverters(converters);
      for (const stage of transformations) stage.close();
    },
  };
}
