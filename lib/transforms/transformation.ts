/**
 * Kafka's `org.apache.kafka.connect.transforms.Transformation`: a single message transform (SMT).
 *
 * Lifecycle, as the runtime drives it (Kafka's `ConnectorConfig.transformationStages` and
 * `TransformationChain`): a fresh instance per task and per chain stage; `configure(props)` is
 * called exactly once, first, with the stage's `transforms.<alias>.*` keys, prefix removed (`type`
 * included; `predicate` and `negate` taken out), and throws a ConfigException to reject them; then
 * `apply(record)` once per record, always from one thread and never concurrently on one instance,
 * so an instance may cache (e.g. updated schemas per input schema) without locking; `close()` is
 * called once when the task stops, after the last `apply`. `config()` may be called on an instance
 * that is never configured.
 *
 * `apply` must not change its input: records are immutable plain objects (`withChanges` makes a
 * changed copy) and headers are shared between copies, so a transform that changes headers works on
 * `record.headers.duplicate()`. Returning null drops the record: later stages do not see it.
 * Failures on bad data are DataErrors (Kafka's DataException) with Kafka's messages.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { OtherPluginDescriptor } from '#lib/plugin/types';

export interface Transformation<R extends ConnectRecord = ConnectRecord> {
  configure(props: Readonly<Record<string, string>>): void;
  /** The transformed record, the record itself when nothing changes, or null to drop it. */
  apply(record: R): R | null;
  /** The keys `configure` accepts; the framework embeds them under `transforms.<alias>.`. */
  config(): ConfigDef;
  close(): void;
  /** Kafka's `Versioned.version()`; bundled transformations report the Kafka release they follow. */
  version?(): string;
}

/** A transformation as the plugin registry knows it (type `transformation`). */
export interface TransformationDescriptor extends OtherPluginDescriptor {
  readonly type: 'transformation';
  create(): Transformation;
}

/** Whether a plugin instance has the Transformation verbs (registry entries are untyped). */
export function isTransformation(plugin: unknown): plugin is Transformation {
  const candidate = plugin as Partial<Transformation> | null;
  return (
    typeof candidate === 'object' && candidate !== null &&
    typeof candidate.configure === 'function' && typeof candidate.apply === 'function' &&
    typeof candidate.config === 'function' && typeof candidate.close === 'function'
  );
}
