/**
 * The event source mappings port over Lambda's API (@aws-sdk/client-lambda): one alias of the
 * sink-task function per connector, pointing to $LATEST, and Kafka ESMs invoking that alias.
 * SDK errors become ConnectErrors (throttling and 5xx retriable; a mapping being created or updated,
 * ResourceConflict / ResourceInUse, a MappingBusyError); a missing alias or mapping on delete is not an
 * error, so reconciling is idempotent.
 */
import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  DeleteAliasCommand,
  DeleteEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  type EventSourceMappingConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { ConnectError } from '#lib/errors';
import { MappingBusyError } from './errors';
import { accessConfigurations, type KafkaEventSourceSettings } from './kafka-event-source';
import type { DesiredSinkMapping, SinkMapping, SinkMappingPort } from './mapping-port';

/** ListEventSourceMappings returns at most 100 a page. */
const PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 20;

export interface LambdaSinkMappingsOptions {
  client: LambdaClient;
  /** The sink-task function's name. */
  functionName: string;
  source: KafkaEventSourceSettings;
  /** Pages `listAll` reads at most (default 20, i.e. 2,000 mappings). */
  maxListPages?: number;
}

export function createLambdaSinkMappings({ client, functionName, source, maxListPages = DEFAULT_MAX_PAGES }: LambdaSinkMappingsOptions): SinkMappingPort {
  const target = (alias: string) => `${functionName}:${alias}`;
  const ours = ourAliasOf(functionName);
  return {
    async list(alias) {
      const out: SinkMapping[] = [];
      let marker: string | undefined;
      do {
        const page = await call('Listing event source mappings', () => client.send(new ListEventSourceMappingsCommand({ FunctionName: target(alias), ...(marker ? { Marker: marker } : {}) })), ['ResourceNotFoundException']);
        for (const m of page?.EventSourceMappings ?? []) out.push(fromConfiguration(m, alias));
        marker = page?.NextMarker;
      } while (marker);
      return out;
    },
    // Listed by event source (MSK: the cluster; self-managed: every mapping of the region) and kept by
    // the invoked ARN: whether a list by unqualified function name includes alias mappings is not
    // documented, and orphans are exactly the mappings no alias list would be asked for.
    async listAll() {
      const out: SinkMapping[] = [];
      let marker: string | undefined;
      let pages = 0;
      do {
        const input = { ...(source.clusterArn !== undefined ? { EventSourceArn: source.clusterArn } : {}), MaxItems: PAGE_SIZE, ...(marker ? { Marker: marker } : {}) };
        const page = await call('Listing event source mappings', () => client.send(new ListEventSourceMappingsCommand(input)));
        pages += 1;
        for (const m of page?.EventSourceMappings ?? []) {
          const alias = ours(m.FunctionArn ?? '');
          if (alias !== undefined) out.push(fromConfiguration(m, alias));
        }
        marker = page?.NextMarker;
      } while (marker && pages < maxListPages);
      return { mappings: out, complete: !marker };
    },
    async ensureAlias(alias) {
      await call('Creating the alias', () => client.send(new CreateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: '$LATEST', Description: 'lambda-connect sink connector' })), ['ResourceConflictException']);
    },
    async deleteAlias(alias) {
      await call('Deleting the alias', () => client.send(new DeleteAliasCommand({ FunctionName: functionName, Name: alias })), ['ResourceNotFoundException']);
    },
    async create(d: DesiredSinkMapping) {
      const created = await call('Creating an event source mapping', () => client.send(new CreateEventSourceMappingCommand(createInput(target(d.alias), d, source))));
      return { ...d, uuid: created?.UUID ?? '' };
    },
    async update(uuid, changes) {
      await call('Updating an event source mapping', () =>
        client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: changes.batchSize, MaximumBatchingWindowInSeconds: changes.batchingWindowSeconds, Enabled: changes.enabled })),
      );
    },
    async delete(uuid) {
      await call('Deleting an event source mapping', () => client.send(new DeleteEventSourceMappingCommand({ UUID: uuid })), ['ResourceNotFoundException']);
    },
  };
}

export function createInput(functionName: string, d: DesiredSinkMapping, source: KafkaEventSourceSettings): CreateEventSourceMappingCommandInput {
  const access = accessConfigurations(source);
  const common: CreateEventSourceMappingCommandInput = {
    FunctionName: functionName,
    Topics: [d.topic],
    BatchSize: d.batchSize,
    MaximumBatchingWindowInSeconds: d.batchingWindowSeconds,
    // Kafka Connect's sink consumers default to auto.offset.reset=earliest.
    StartingPosition: 'TRIM_HORIZON',
    Enabled: d.enabled,
    ...(access.length > 0 ? { SourceAccessConfigurations: access.map((a) => ({ Type: a.Type as never, URI: a.URI })) } : {}),
  };
  if (source.clusterArn !== undefined) return { ...common, EventSourceArn: source.clusterArn, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: d.groupId } };
  return {
    ...common,
    SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: source.bootstrapServers } },
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: d.groupId },
  };
}

function fromConfiguration(m: EventSourceMappingConfiguration, alias: string): SinkMapping {
  const groupId = m.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ?? m.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ?? '';
  // State: Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting.
  const enabled = m.State === 'Enabled' || m.State === 'Enabling' || m.State === 'Creating' || (m.State === 'Updating' && m.StateTransitionReason !== 'USER_INITIATED_DISABLE');
  return {
    uuid: m.UUID ?? '',
    alias,
    topic: m.Topics?.[0] ?? '',
    groupId,
    batchSize: m.BatchSize ?? 100,
    batchingWindowSeconds: m.MaximumBatchingWindowInSeconds ?? 0,
    enabled,
  };
}

/** The connector alias (`lc-…`) of a mapping's function ARN when it invokes our function, else undefined. */
function ourAliasOf(functionName: string): (functionArn: string) => string | undefined {
  const name = functionName.includes(':function:') ? (functionName.split(':')[6] ?? functionName) : functionName;
  return (functionArn) => {
    const parts = functionArn.split(':');
    const qualifier = parts[7];
    return parts[6] === name && qualifier?.startsWith('lc-') ? qualifier : undefined;
  };
}

async function call<T>(what: string, fn: () => Promise<T>, ignored: string[] = []): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (ignored.includes(name)) return undefined;
    if (name === 'ResourceConflictException' || name === 'ResourceInUseException') throw new MappingBusyError(`${what} failed: ${(error as Error).message ?? name}`, error);
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
    const retriable = status >= 500 || name === 'TooManyRequestsException' || name === 'ThrottlingException';
    throw new ConnectError(retriable ? 'RETRIABLE' : 'INTERNAL', `${what} failed: ${(error as Error).message ?? name}`, { retriable, cause: error });
  }
}
