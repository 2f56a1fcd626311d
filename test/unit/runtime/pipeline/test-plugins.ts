/** A registry with Kafka's converters, transformations and predicates, plus small fakes: transformations that fail, and a failing header converter. */
import { registerBuiltinConverters } from '#lib/converters/builtin-converters';
import { StringConverter } from '#lib/converters/string-converter';
import type { ConnectRecord } from '#lib/data/connect-record';
import type { SchemaAndValue } from '#lib/data/schema-and-value';
import { DataError, RetriableError } from '#lib/errors';
import type { ProducerPort, ProducerRecord, RecordHeader } from '#lib/kafka/producer-port';
import type { LogFields, Logger } from '#lib/logging/logger';
import { ConfigDef } from '#lib/plugin/config-def';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { registerBuiltinPredicates } from '#lib/predicates/register-builtin-predicates';
import { registerBuiltinTransforms } from '#lib/transforms/register-builtin-transforms';
import type { OtherPluginDescriptor } from '#lib/plugin/types';

export const UPPER = 'org.example.Upper';
export const BROKEN = 'org.example.Broken';
export const FLAKY = 'org.example.Flaky';
export const FAILING_HEADERS = 'org.example.FailingHeaderConverter';
export const FLAKY_STRINGS = 'org.example.FlakyStringConverter';

let flakyFailuresLeft = 0;
/** The next Flaky instances fail this many times in total before succeeding. */
export function setFlakyFailures(n: number): void {
  flakyFailuresLeft = n;
}

function plugin(className: string, type: OtherPluginDescriptor['type'], create: () => unknown): OtherPluginDescriptor {
  return { className, type, configDef: () => new ConfigDef(), create };
}

function transformation(apply: (record: ConnectRecord) => ConnectRecord | null) {
  return { configure() {}, apply, config: () => new ConfigDef(), close() {} };
}

export function testRegistry(): PluginRegistry {
  const registry = registerBuiltinPredicates(registerBuiltinTransforms(registerBuiltinConverters(new PluginRegistry())));
  return registry.register(
    plugin(UPPER, 'transformation', () => transformation((r) => ({ ...r, value: typeof r.value === 'string' ? r.value.toUpperCase() : r.value }))),
    plugin(BROKEN, 'transformation', () => transformation(() => { throw new DataError('Only Struct objects supported for [field insertion], found: java.lang.String'); })),
    plugin(FLAKY, 'transformation', () => transformation((r) => {
      if (flakyFailuresLeft-- > 0) throw new RetriableError('lookup service unavailable');
      return r;
    })),
    plugin(FLAKY_STRINGS, 'converter', () => {
      const strings = new StringConverter();
      const flaky = <A extends unknown[], T>(op: (...args: A) => T) => (...args: A): T => {
        if (flakyFailuresLeft-- > 0) throw new RetriableError('charset service unavailable');
        return op(...args);
      };
      return {
        configure: (configs: Record<string, string>, isKey: boolean) => strings.configure(configs, isKey),
        config: () => strings.config(),
        toConnectData: flaky(strings.toConnectData.bind(strings)),
        fromConnectData: flaky(strings.fromConnectData.bind(strings)),
      };
    }),
    plugin(FAILING_HEADERS, 'header_converter', () => ({
      configure() {},
      config: () => new ConfigDef(),
      toConnectHeader(): SchemaAndValue { throw new DataError('bad header'); },
      fromConnectHeader(): Uint8Array { throw new DataError('bad header'); },
    })),
  );
}

export function recordingProducer(): ProducerPort & { sent: ProducerRecord[] } {
  const sent: ProducerRecord[] = [];
  return { sent, send: async (records) => { sent.push(...records); return []; } };
}

export function recordingLogger(): Logger & { lines: Array<{ message: string; fields?: LogFields }> } {
  const lines: Array<{ message: string; fields?: LogFields }> = [];
  const none = () => {};
  return { name: 'test', lines, trace: none, debug: none, info: none, warn: none, error: (message, fields) => void lines.push({ message, fields }) };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array | null | undefined): string | null => (b === null || b === undefined ? null : new TextDecoder().decode(b));
export const headerText = (headers: readonly RecordHeader[], key: string): string | null | undefined => {
  const header = headers.find((h) => h.key === key);
  return header === undefined ? undefined : text(header.value);
};
