/**
 * Records/s through the pipelines, batches of 1000 ~1 KB order records with one header: source
 * (SourceRecord → producer record bytes) and sink (consumed bytes → SinkRecord), with JsonConverter
 * (schemas on and off) and two SMTs (InsertField$Value, ReplaceField$Value). Context rows: the
 * JsonConverter alone on the same records, the pipelines without SMTs, and the pipelines with
 * ByteArrayConverter (what the pipeline itself costs, header conversion included). Every row is its
 * own case (run.ts measures each in a fresh process).
 */
import { createConverter } from '#lib/converters/create-converter';
import type { SourceRecord } from '#lib/data/connect-record';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { registerBuiltinConverters } from '#lib/converters/builtin-converters';
import { registerBuiltinPredicates } from '#lib/predicates/register-builtin-predicates';
import { createSinkPipeline } from '#lib/runtime/pipeline/create-sink-pipeline';
import { createSourcePipeline } from '#lib/runtime/pipeline/create-source-pipeline';
import { registerBuiltinTransforms } from '#lib/transforms/register-builtin-transforms';
import type { BenchCase, BenchModule, BenchRow } from '../bench-module';
import { measureRate } from '../measure';
import { BATCH, jsonConverters, PASS_THROUGH, TWO_SMTS, UNFUSED_SMTS } from './cases';
import { consumedOrders, passThroughOrders, sourceOrders } from './orders';

type Config = Readonly<Record<string, string>>;
const SECTION = 'pipeline';

function registry(): PluginRegistry {
  return registerBuiltinPredicates(registerBuiltinTransforms(registerBuiltinConverters(new PluginRegistry())));
}

function averageBytes(records: ReadonlyArray<{ value: Uint8Array | null }>): number {
  return Math.round(records.reduce((n, r) => n + (r.value?.length ?? 0), 0) / records.length);
}

/** The source pipeline alone on `sources`, with extra config (SMTs) on top of the converters. */
async function sourceRow(label: string, converters: Config, extra: Config, seconds: number, sources: readonly SourceRecord[]): Promise<BenchRow[]> {
  const source = createSourcePipeline({ name: 'bench', ...converters, ...extra }, { registry: registry(), connectorName: 'bench', taskId: 0 });
  try {
    const produced = (await source.process(sources)).produce;
    const rate = await measureRate(BATCH, () => source.process(sources), seconds);
    return [{ section: SECTION, case: `source ${label}`, recordsPerSecond: rate.cpu, wallRecordsPerSecond: rate.wall, recordBytes: averageBytes(produced) }];
  } finally {
    source.close();
  }
}

/** The sink pipeline on what the same converters write without SMTs, as a sink of the source topic would read. */
async function sinkRow(label: string, converters: Config, extra: Config, seconds: number, sources: readonly SourceRecord[]): Promise<BenchRow[]> {
  const options = { registry: registry(), connectorName: 'bench', taskId: 0 };
  const writer = createSourcePipeline({ name: 'bench', ...converters }, options);
  const consumed: ConsumerRecord[] = consumedOrders((await writer.process(sources)).produce);
  writer.close();
  const sink = createSinkPipeline({ name: 'bench', topics: 'orders', ...converters, ...extra }, options);
  try {
    const rate = await measureRate(BATCH, () => sink.process(consumed), seconds);
    return [{ section: SECTION, case: `sink   ${label}`, recordsPerSecond: rate.cpu, wallRecordsPerSecond: rate.wall, recordBytes: averageBytes(consumed) }];
  } finally {
    sink.close();
  }
}

/** The two cases of one converter configuration: source, then sink. */
function pipelineCases(label: string, converters: Config, extra: Config, records: () => SourceRecord[] = () => sourceOrders(BATCH)): BenchCase[] {
  return [
    { name: `pipeline source ${label}`, run: ({ seconds }) => sourceRow(label, converters, extra, seconds, records()) },
    { name: `pipeline sink ${label}`, run: ({ seconds }) => sinkRow(label, converters, extra, seconds, records()) },
  ];
}

/** JsonConverter alone, value only, on the same records: the floor under the pipeline rows (write, then read). */
function converterCases(schemasEnable: boolean): BenchCase[] {
  const label = `JsonConverter alone, schemas.enable=${schemasEnable}`;
  const setup = () => {
    const converter = createConverter(registry(), 'value', jsonConverters(schemasEnable), {});
    const records = sourceOrders(BATCH);
    return { converter, records, bytes: records.map((r) => converter.fromConnectData(r.topic, undefined, r.valueSchema, r.value)) };
  };
  return [
    {
      name: `converter fromConnectData ${label}`,
      async run({ seconds }) {
        const { converter, records } = setup();
        const write = await measureRate(BATCH, () => { for (const r of records) converter.fromConnectData(r.topic, undefined, r.valueSchema, r.value); }, seconds);
        return [{ section: 'converter', case: `fromConnectData ${label}`, recordsPerSecond: write.cpu, wallRecordsPerSecond: write.wall, note: 'value only, no pipeline' }];
      },
    },
    {
      name: `converter toConnectData ${label}`,
      async run({ seconds }) {
        const { converter, bytes } = setup();
        const read = await measureRate(BATCH, () => { for (const b of bytes) converter.toConnectData('orders', undefined, b); }, seconds);
        return [{ section: 'converter', case: `toConnectData   ${label}`, recordsPerSecond: read.cpu, wallRecordsPerSecond: read.wall, note: 'value only, no pipeline' }];
      },
    },
  ];
}

export const pipelineBench: BenchModule = {
  name: 'pipeline',
  // Cases of a few seconds on a machine whose speed drifts by a quarter over minutes: the median of three.
  rounds: 3,
  cases: [
    ...[true, false].flatMap((schemasEnable) => [
      ...pipelineCases(`json schemas.enable=${schemasEnable} + InsertField + ReplaceField`, jsonConverters(schemasEnable), TWO_SMTS),
      ...pipelineCases(`json schemas.enable=${schemasEnable} + InsertField + MaskField (not fused)`, jsonConverters(schemasEnable), UNFUSED_SMTS),
      ...pipelineCases(`json schemas.enable=${schemasEnable}, no SMTs`, jsonConverters(schemasEnable), {}),
      ...converterCases(schemasEnable),
    ]),
    ...pipelineCases('ByteArrayConverter, no SMTs (pipeline cost)', PASS_THROUGH, {}, () => passThroughOrders(BATCH)),
  ],
};
