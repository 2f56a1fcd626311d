/**
 * Records/s through the pipelines, batches of 1000 ~1 KB order records with one header: source
 * (SourceRecord → producer record bytes) and sink (consumed bytes → SinkRecord), with JsonConverter
 * (schemas on and off) and two SMTs (InsertField$Value, ReplaceField$Value). Context rows: the
 * JsonConverter alone on the same records, the pipelines without SMTs, and the pipelines with
 * ByteArrayConverter (what the pipeline itself costs, header conversion included).
 */
import { createConverter } from '#lib/converters/create-converter';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { registerBuiltinConverters } from '#lib/converters/builtin-converters';
import { registerBuiltinPredicates } from '#lib/predicates/register-builtin-predicates';
import { createSinkPipeline } from '#lib/runtime/pipeline/create-sink-pipeline';
import { createSourcePipeline } from '#lib/runtime/pipeline/create-source-pipeline';
import { registerBuiltinTransforms } from '#lib/transforms/register-builtin-transforms';
import type { BenchModule, BenchOptions, BenchRow } from '../bench-module';
import { measureRate } from '../measure';
import { BATCH, jsonConverters, PASS_THROUGH, TWO_SMTS } from './cases';
import { consumedOrders, passThroughOrders, sourceOrders } from './orders';

type Config = Readonly<Record<string, string>>;
const SECTION = 'pipeline';

function registry(): PluginRegistry {
  return registerBuiltinPredicates(registerBuiltinTransforms(registerBuiltinConverters(new PluginRegistry())));
}

function averageBytes(records: ReadonlyArray<{ value: Uint8Array | null }>): number {
  return Math.round(records.reduce((n, r) => n + (r.value?.length ?? 0), 0) / records.length);
}

/** Source and sink rows for one converter configuration, with and without extra config (SMTs). */
async function pipelineRows(plugins: PluginRegistry, label: string, converters: Config, extra: Config, seconds: number, sources = sourceOrders(BATCH)): Promise<BenchRow[]> {
  const options = { registry: plugins, connectorName: 'bench', taskId: 0 };
  const source = createSourcePipeline({ name: 'bench', ...converters, ...extra }, options);
  const produced = (await source.process(sources)).produce;
  const sourceRate = await measureRate(BATCH, () => source.process(sources), seconds);
  // The sink reads what the same converters write without SMTs, as a sink of the source topic would.
  const writer = createSourcePipeline({ name: 'bench', ...converters }, options);
  const consumed: ConsumerRecord[] = consumedOrders((await writer.process(sources)).produce);
  const sink = createSinkPipeline({ name: 'bench', topics: 'orders', ...converters, ...extra }, options);
  const sinkRate = await measureRate(BATCH, () => sink.process(consumed), seconds);
  for (const pipeline of [source, writer, sink]) pipeline.close();
  return [
    { section: SECTION, case: `source ${label}`, recordsPerSecond: sourceRate.cpu, wallRecordsPerSecond: sourceRate.wall, recordBytes: averageBytes(produced) },
    { section: SECTION, case: `sink   ${label}`, recordsPerSecond: sinkRate.cpu, wallRecordsPerSecond: sinkRate.wall, recordBytes: averageBytes(consumed) },
  ];
}

/** JsonConverter alone, value only, on the same records: the floor under the pipeline rows. */
async function converterRows(plugins: PluginRegistry, schemasEnable: boolean, seconds: number): Promise<BenchRow[]> {
  const converter = createConverter(plugins, 'value', jsonConverters(schemasEnable), {});
  const records = sourceOrders(BATCH);
  const bytes = records.map((r) => converter.fromConnectData(r.topic, undefined, r.valueSchema, r.value));
  const write = await measureRate(BATCH, () => { for (const r of records) converter.fromConnectData(r.topic, undefined, r.valueSchema, r.value); }, seconds);
  const read = await measureRate(BATCH, () => { for (const b of bytes) converter.toConnectData('orders', undefined, b); }, seconds);
  const label = `JsonConverter alone, schemas.enable=${schemasEnable}`;
  return [
    { section: 'converter', case: `fromConnectData ${label}`, recordsPerSecond: write.cpu, wallRecordsPerSecond: write.wall, note: 'value only, no pipeline' },
    { section: 'converter', case: `toConnectData   ${label}`, recordsPerSecond: read.cpu, wallRecordsPerSecond: read.wall, note: 'value only, no pipeline' },
  ];
}

export const pipelineBench: BenchModule = {
  name: 'pipeline',
  async run({ seconds }: BenchOptions): Promise<BenchRow[]> {
    const plugins = registry();
    const rows: BenchRow[] = [];
    for (const schemasEnable of [true, false]) {
      const json = jsonConverters(schemasEnable);
      rows.push(...(await pipelineRows(plugins, `json schemas.enable=${schemasEnable} + InsertField + ReplaceField`, json, TWO_SMTS, seconds)));
      rows.push(...(await pipelineRows(plugins, `json schemas.enable=${schemasEnable}, no SMTs`, json, {}, seconds)));
      rows.push(...(await converterRows(plugins, schemasEnable, seconds)));
    }
    rows.push(...(await pipelineRows(plugins, 'ByteArrayConverter, no SMTs (pipeline cost)', PASS_THROUGH, {}, seconds, passThroughOrders(BATCH))));
    return rows;
  },
};
