/** Kafka's `errors.Stage`: the logical step of a Connect pipeline an operation belongs to. */
export const STAGES = [
  /** SourceTask.poll() */
  'TASK_POLL',
  /** SinkTask.put() (and records a sink task reports through the ErrantRecordReporter) */
  'TASK_PUT',
  /** Any transformation (with its predicate) */
  'TRANSFORMATION',
  'KEY_CONVERTER',
  'VALUE_CONVERTER',
  'HEADER_CONVERTER',
  /** Producing to Kafka */
  'KAFKA_PRODUCE',
  /** Consuming from Kafka */
  'KAFKA_CONSUME',
] as const;

export type Stage = (typeof STAGES)[number];

/**
 * Stages whose failures `errors.tolerance=all` tolerates whatever the error (Kafka's
 * TOLERABLE_EXCEPTIONS); in the other stages only retriable errors are tolerated.
 */
const TOLERATES_ANY_ERROR: ReadonlySet<Stage> = new Set<Stage>(['TRANSFORMATION', 'KEY_CONVERTER', 'VALUE_CONVERTER', 'HEADER_CONVERTER']);

export function toleratesAnyError(stage: Stage): boolean {
  return TOLERATES_ANY_ERROR.has(stage);
}
