/**
 * The event source mappings port: what the sink runtime needs from Lambda's Kafka ESMs. Adapters:
 * `lambda-sink-mappings.ts` (@aws-sdk/client-lambda, the product on AWS) and
 * `memory-sink-mappings.ts` (standalone mode, whose ESM emulator consumes the mappings).
 *
 * One mapping reads one topic (an ESM takes exactly one) into one consumer group, fixed at
 * creation, and invokes one alias of the sink-task function.
 */

/** What a mapping should look like; `alias` + `topic` identify it. */
export interface DesiredSinkMapping {
  readonly alias: string;
  readonly topic: string;
  /** Fixed at creation: a mapping whose group must change is deleted and created again. */
  readonly groupId: string;
  /** Records per batch (ESM BatchSize). */
  readonly batchSize: number;
  /** ESM MaximumBatchingWindowInSeconds. */
  readonly batchingWindowSeconds: number;
  readonly enabled: boolean;
}

export interface SinkMapping extends DesiredSinkMapping {
  readonly uuid: string;
}

export type SinkMappingChanges = Pick<DesiredSinkMapping, 'batchSize' | 'batchingWindowSeconds' | 'enabled'>;

/** Every mapping of this deployment (all aliases of the sink-task function), read up to a page limit. */
export interface SinkMappingListing {
  readonly mappings: readonly SinkMapping[];
  /** False when the page limit cut the listing short: absent mappings may still exist. */
  readonly complete: boolean;
}

export interface SinkMappingPort {
  /** The mappings invoking this alias (none if the alias does not exist). */
  list(alias: string): Promise<SinkMapping[]>;
  /** The mappings of every alias of this deployment's sink-task function (`lc-…`), whatever connector
   *  they belong to: the periodic reconcile finds orphans here. */
  listAll(): Promise<SinkMappingListing>;
  /** Creates the alias (pointing to the function's $LATEST) unless it exists. */
  ensureAlias(alias: string): Promise<void>;
  /** Deletes the alias if it exists. */
  deleteAlias(alias: string): Promise<void>;
  create(mapping: DesiredSinkMapping): Promise<SinkMapping>;
  update(uuid: string, changes: SinkMappingChanges): Promise<void>;
  /** Deletes the mapping; nothing if it is already gone. */
  delete(uuid: string): Promise<void>;
}
