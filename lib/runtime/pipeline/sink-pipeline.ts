/**
 * The sink direction (Kafka's WorkerSinkTask.convertAndTransformRecord), per consumed record: key
 * converter → value converter → header converter → SinkRecord → transformations. Each stage runs
 * under the error handler; a record that fails (tolerated) or is dropped goes no further.
 */
import type { ConnectHeaders } from '#lib/data/connect-headers';
import type { SchemaAndValue } from '#lib/data/schema-and-value';
import { COPY_WITH_SIDES, type CopiesWithSides, type SinkRecord, type TimestampType } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { RetryWithToleranceOperator } from '#lib/runtime/errors/retry-with-tolerance-operator';
import { closeConverters, type ConverterSet } from './converter-set';
import { headersFromBytes } from './header-conversion';
import { deadLetters, Failure, failure, recoverStage, type StageOutcome } from './recover-stage';
import type { Stage } from '#lib/runtime/errors/stage';
import { checkAndConvertTimestamp } from './timestamps';
import type { TransformationStage } from '#lib/transforms/transformation-stage';
import { StageFailure, transformationChain } from './transformation-chain';
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

/** Where a record's stages are: its converters in Kafka's order, then transformation `i` at TRANSFORMATIONS + i. */
const KEY = 0;
const VALUE = 1;
const HEADERS = 2;
const TRANSFORMATIONS = 3;

type Outcome = SinkRecord | null | Failure<ConsumerRecord>;

export function createSinkPipelineFromParts(parts: SinkPipelineParts): SinkPipeline {
  const { converters, transformations, operator } = parts;
  const { keyClass, valueClass, headerClass } = converters;
  const convertKey = (msg: ConsumerRecord): SchemaAndValue => converters.key.toConnectData(msg.topic, undefined, msg.key);
  const convertValue = (msg: ConsumerRecord): SchemaAndValue => converters.value.toConnectData(msg.topic, undefined, msg.value);
  const convertHeaders = (msg: ConsumerRecord) => headersFromBytes(converters.header, msg.topic, msg.headers);
  const transform = transformationChain(transformations);

  /**
   * The record for `put`, null when a transformation dropped it, or the failure. Every stage runs
   * synchronously first; only when one throws does the record continue, from that stage, on the
   * asynchronous path of the error handler (`recover`), so a batch without failures makes no promise
   * per record.
   */
  function convertAndTransform(msg: ConsumerRecord): Outcome | Promise<Outcome> {
    let key, value, headers;
    try {
      key = convertKey(msg);
    } catch (error) {
      return recover(msg, KEY, error);
    }
    try {
      value = convertValue(msg);
    } catch (error) {
      return recover(msg, VALUE, error, key);
    }
    try {
      headers = convertHeaders(msg);
    } catch (error) {
      return recover(msg, HEADERS, error, key, value);
    }
    const result = transform(sinkRecord(msg, key, value, headers));
    if (result instanceof StageFailure) return recover(msg, TRANSFORMATIONS + result.index, result.error, undefined, undefined, result.input);
    return result;
  }

  /**
   * The stages from `from` on, after its first attempt threw `error`: that stage goes to the error
   * handler (retries, tolerance, reporting), the later ones run each under it, as Kafka runs them.
   */
  async function recover(msg: ConsumerRecord, from: number, error: unknown, key?: SchemaAndValue, value?: SchemaAndValue, record?: SinkRecord): Promise<Outcome> {
    let pending: unknown = error;
    const run = <I, T>(stage: Stage, executingClass: string, op: (input: I) => T, input: I): Promise<StageOutcome<T, ConsumerRecord>> | StageOutcome<T, ConsumerRecord> => {
      if (pending === NONE) {
        try {
          return { ok: true, value: op(input) };
        } catch (err) {
          pending = err;
        }
      }
      const first = pending;
      pending = NONE;
      return recoverStage(operator, msg, stage, executingClass, op, input, first);
    };
    if (from <= KEY) {
      const outcome = await run('KEY_CONVERTER', keyClass, convertKey, msg);
      if (!outcome.ok) return failure(outcome.context, msg);
      key = outcome.value;
    }
    if (from <= VALUE) {
      const outcome = await run('VALUE_CONVERTER', valueClass, convertValue, msg);
      if (!outcome.ok) return failure(outcome.context, msg);
      value = outcome.value;
    }
    let current: SinkRecord | null = record ?? null;
    if (from <= HEADERS) {
      const outcome = await run('HEADER_CONVERTER', headerClass, convertHeaders, msg);
      if (!outcome.ok) return failure(outcome.context, msg);
      current = sinkRecord(msg, key as SchemaAndValue, value as SchemaAndValue, outcome.value);
    }
    for (let i = Math.max(0, from - TRANSFORMATIONS); i < transformations.length && current !== null; i++) {
      const stage = transformations[i] as TransformationStage<SinkRecord>;
      const outcome = await run('TRANSFORMATION', stage.transformClass, (r: SinkRecord) => stage.apply(r), current);
      if (!outcome.ok) return failure(outcome.context, msg);
      current = outcome.value;
    }
    return current;
  }

  return {
    async process(batch) {
      const records: SinkRecord[] = [];
      const failed: FailedRecord<ConsumerRecord>[] = [];
      let filtered = 0;
      for (const msg of batch) {
        let result = convertAndTransform(msg);
        if (result instanceof Promise) result = await result;
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

/** Marks that the stage being run has no failed first attempt to hand to the error handler. */
const NONE: unique symbol = Symbol('none');

/** The SinkRecord of a consumed record's converted key, value and headers (Kafka's InternalSinkRecord). */
function sinkRecord(msg: ConsumerRecord, key: SchemaAndValue, value: SchemaAndValue, headers: ConnectHeaders): WithOrigin {
  return new InternalSinkRecord(msg, key.schema, key.value, value.schema, value.value, headers);
}

/**
 * A class rather than a literal: a batch of records is kept until put, and V8 would pretenure a
 * literal's allocation site, after which the young values they hold survive every scavenge until a
 * full GC. Transformations that replace the key or value copy it with COPY_WITH_SIDES (a spread of
 * it is slow); others copy it into plain objects with `{ ...record }`, which keeps the origin too.
 */
class InternalSinkRecord implements SinkRecord, CopiesWithSides {
  readonly topic: string;
  readonly kafkaPartition: number;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  readonly timestamp: number | null;
  readonly headers: ConnectHeaders;
  readonly kafkaOffset: bigint;
  readonly timestampType: TimestampType;
  readonly originalTopic: string;
  readonly originalKafkaPartition: number;
  readonly originalKafkaOffset: bigint;
  readonly [ORIGIN]: ConsumerRecord;

  constructor(msg: ConsumerRecord, keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, headers: ConnectHeaders) {
    this.topic = msg.topic;
    this.kafkaPartition = msg.partition;
    this.keySchema = keySchema;
    this.key = key;
    this.valueSchema = valueSchema;
    this.value = value;
    this.timestamp = checkAndConvertTimestamp(msg.timestamp);
    this.headers = headers;
    this.kafkaOffset = msg.offset;
    this.timestampType = msg.timestampType;
    this.originalTopic = msg.topic;
    this.originalKafkaPartition = msg.partition;
    this.originalKafkaOffset = msg.offset;
    this[ORIGIN] = msg;
  }

  /** Every other field derives from the consumed record, so the copy is made from it as the original was. */
  [COPY_WITH_SIDES](keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown, headers: ConnectHeaders): InternalSinkRecord {
    return new InternalSinkRecord(this[ORIGIN], keySchema, key, valueSchema, value, headers);
  }
}
