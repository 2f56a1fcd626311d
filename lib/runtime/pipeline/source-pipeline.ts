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
import { deadLetters, Failure, failure, recoverStage, type StageOutcome } from './recover-stage';
import type { Stage } from '#lib/runtime/errors/stage';
import { checkAndConvertTimestamp } from './timestamps';
import type { TransformationStage } from '#lib/transforms/transformation-stage';
import { StageFailure, transformationChain } from './transformation-chain';
import type { FailedRecord, SourcePipeline, SourcePipelineResult, SourceProducerRecord } from './types';

export interface SourcePipelineParts {
  converters: ConverterSet;
  transformations: readonly TransformationStage<SourceRecord>[];
  operator: RetryWithToleranceOperator<SourceRecordProgress>;
}

/** Where a record's stages are: transformation `i` at i, then the converters in Kafka's order after them. */
type Outcome = SourceProducerRecord | null | Failure<SourceRecord>;

export function createSourcePipelineFromParts(parts: SourcePipelineParts): SourcePipeline {
  const { converters, transformations, operator } = parts;
  const { keyClass, valueClass, headerClass } = converters;
  const convertHeaders = (r: SourceRecord): RecordHeader[] => headersToBytes(converters.header, r.topic, r.headers);
  const convertKey = (r: SourceRecord) => converters.key.fromConnectData(r.topic, r.headers, r.keySchema, r.key);
  const convertValue = (r: SourceRecord) => converters.value.fromConnectData(r.topic, r.headers, r.valueSchema, r.value);
  const transform = transformationChain(transformations);
  const HEADERS = transformations.length;
  const KEY = HEADERS + 1;
  const VALUE = HEADERS + 2;

  /**
   * The producer record, null when a transformation dropped the record, or the failure. Every stage
   * runs synchronously first; only when one throws does the record continue, from that stage, on the
   * asynchronous path of the error handler (`recover`), so a batch without failures makes no promise
   * per record.
   */
  function transformAndConvert(original: SourceRecord): Outcome | Promise<Outcome> {
    const record = transform(original);
    if (record instanceof StageFailure) return recover(original, record.index, record.error, record.input);
    if (record === null) return null;
    let headers, key, value;
    try {
      headers = convertHeaders(record);
    } catch (error) {
      return recover(original, HEADERS, error, record);
    }
    try {
      key = convertKey(record);
    } catch (error) {
      return recover(original, KEY, error, record, headers);
    }
    try {
      value = convertValue(record);
    } catch (error) {
      return recover(original, VALUE, error, record, headers, key);
    }
    return producerRecord(original, record, headers, key, value);
  }

  /**
   * The stages from `from` on, after its first attempt threw `error`: that stage goes to the error
   * handler (retries, tolerance, reporting), the later ones run each under it, as Kafka runs them.
   */
  async function recover(original: SourceRecord, from: number, error: unknown, input: SourceRecord, headers?: RecordHeader[], key?: Uint8Array | null): Promise<Outcome> {
    let pending: unknown = error;
    const run = <I, T>(context: SourceRecordProgress, stage: Stage, executingClass: string, op: (i: I) => T, arg: I): Promise<StageOutcome<T, SourceRecordProgress>> | StageOutcome<T, SourceRecordProgress> => {
      if (pending === NONE) {
        try {
          return { ok: true, value: op(arg) };
        } catch (err) {
          pending = err;
        }
      }
      const first = pending;
      pending = NONE;
      return recoverStage(operator, context, stage, executingClass, op, arg, first);
    };
    let record: SourceRecord | null = input;
    for (let i = from; i < transformations.length && record !== null; i++) {
      const stage = transformations[i] as TransformationStage<SourceRecord>;
      const current: SourceRecord = record;
      const outcome = await run(progress(original, current), 'TRANSFORMATION', stage.transformClass, (r: SourceRecord) => stage.apply(r), current);
      if (!outcome.ok) return failure(outcome.context, original);
      record = outcome.value;
    }
    if (record === null) return null;
    if (from <= HEADERS) {
      const outcome = await run(progress(original, record), 'HEADER_CONVERTER', headerClass, convertHeaders, record);
      if (!outcome.ok) return failure(outcome.context, original);
      headers = outcome.value;
    }
    if (from <= KEY) {
      const outcome = await run(progress(original, record, headers), 'KEY_CONVERTER', keyClass, convertKey, record);
      if (!outcome.ok) return failure(outcome.context, original);
      key = outcome.value;
    }
    const outcome = await run(progress(original, record, headers, key), 'VALUE_CONVERTER', valueClass, convertValue, record);
    if (!outcome.ok) return failure(outcome.context, original);
    return producerRecord(original, record, headers as RecordHeader[], key as Uint8Array | null, outcome.value);
  }

  return {
    async process(batch) {
      const produce: SourceProducerRecord[] = [];
      const dropped: SourceRecord[] = [];
      const failed: FailedRecord<SourceRecord>[] = [];
      for (const original of batch) {
        let result = transformAndConvert(original);
        if (result instanceof Promise) result = await result;
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

/** Marks that the stage being run has no failed first attempt to hand to the error handler. */
const NONE: unique symbol = Symbol('none');

function producerRecord(original: SourceRecord, record: SourceRecord, headers: RecordHeader[], key: Uint8Array | null, value: Uint8Array | null): SourceProducerRecord {
  const timestamp = checkAndConvertTimestamp(record.timestamp);
  return new ProducedRecord(record.topic, record.kafkaPartition ?? undefined, key, value, headers, timestamp ?? undefined, original);
}

/**
 * A producer record of the pipeline. One shape for every record (undefined rather than absent keys)
 * keeps the producer's access monomorphic; a class rather than a literal because a batch of them is
 * kept until sent, and V8 would pretenure a literal's allocation site (see header-conversion.ts).
 */
class ProducedRecord implements SourceProducerRecord {
  constructor(
    readonly topic: string,
    readonly partition: number | undefined,
    readonly key: Uint8Array | null,
    readonly value: Uint8Array | null,
    readonly headers: RecordHeader[],
    readonly timestamp: number | undefined,
    readonly source: SourceRecord,
  ) {}
}
