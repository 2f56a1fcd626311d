/**
 * Kafka's `org.apache.kafka.connect.transforms.predicates.Predicate`: a condition that decides
 * whether a transformation stage applies to a record (`transforms.<alias>.predicate`).
 *
 * Lifecycle: the runtime creates a fresh instance for every transformation stage that names the
 * predicate's alias (two stages naming one alias get two instances); `configure(props)` is called
 * exactly once, first, with the `predicates.<alias>.*` keys, prefix removed (`type` included), and
 * throws a ConfigException to reject them; then `test(record)` once per record reaching the stage,
 * from one thread, never concurrently on one instance; `close()` once when the task stops.
 * `test` must not change the record.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import type { ConfigDef } from '#lib/plugin/config-def';
import type { OtherPluginDescriptor } from '#lib/plugin/types';

export interface Predicate<R extends ConnectRecord = ConnectRecord> {
  configure(props: Readonly<Record<string, string>>): void;
  /** True when the record matches; the stage then applies its transformation (unless negated). */
  test(record: R): boolean;
  /** The keys `configure` accepts; the framework embeds them under `predicates.<alias>.`. */
  config(): ConfigDef;
  close(): void;
  /** Kafka's `Versioned.version()`. */
  version?(): string;
}

/** A predicate as the plugin registry knows it (type `predicate`). */
export interface PredicateDescriptor extends OtherPluginDescriptor {
  readonly type: 'predicate';
  create(): Predicate;
}

/** Whether a plugin instance has the Predicate verbs (registry entries are untyped). */
export function isPredicate(plugin: unknown): plugin is Predicate {
  const candidate = plugin as Partial<Predicate> | null;
  return (
    typeof candidate === 'object' && candidate !== null &&
    typeof candidate.configure === 'function' && typeof candidate.test === 'function' &&
    typeof candidate.config === 'function' && typeof candidate.close === 'function'
  );
}
