/**
 * The offsets API (KIP-875). Source offsets are connector-defined maps; sink offsets are the
 * `{kafka_topic, kafka_partition}` → `{kafka_offset}` positions the sink tasks have committed.
 * Altering and resetting require a STOPPED connector with no tasks, as in Kafka.
 */
import { BadRequestError, NotFoundError } from '#lib/errors';
import type { ConnectorRecord } from '#lib/store/types';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import { normaliseSinkOffsets, validateSourceOffsets } from './offset-validation';
import { resolvedConfig } from './start-connector';
import type { ConnectorOffsets } from './types';

export async function getOffsets(deps: HerderDeps, name: string): Promise<ConnectorOffsets> {
  await existing(deps, name);
  return { offsets: await deps.stores.offsets.list(name) };
}

export async function alterOffsets(deps: HerderDeps, name: string, request: ConnectorOffsets): Promise<string> {
  const record = await stopped(deps, name);
  const sink = deps.plugins.connectorType(record.config['connector.class'] ?? '') === 'sink';
  const entries = sink ? normaliseSinkOffsets(request.offsets) : validateSourceOffsets(request.offsets);
  const own = await deps.plugins.alterOffsets(await resolvedConfig(deps, record.config), entries);
  if (sink) await deps.hooks?.alterSinkOffsets?.(record, entries);
  await deps.stores.offsets.put(name, entries);
  return messages.offsetsAltered(own);
}

export async function resetOffsets(deps: HerderDeps, name: string): Promise<string> {
  const record = await stopped(deps, name);
  const current = await deps.stores.offsets.list(name);
  const own = await deps.plugins.alterOffsets(await resolvedConfig(deps, record.config), current.map(({ partition }) => ({ partition, offset: null })));
  if (deps.plugins.connectorType(record.config['connector.class'] ?? '') === 'sink') await deps.hooks?.resetSinkOffsets?.(record, current);
  await deps.stores.offsets.deleteAll(name);
  return messages.offsetsReset(own);
}

async function existing(deps: HerderDeps, name: string): Promise<ConnectorRecord> {
  const record = await deps.stores.configs.get(name);
  if (!record) throw new NotFoundError(messages.connectorNotFound(name));
  return record;
}

async function stopped(deps: HerderDeps, name: string): Promise<ConnectorRecord> {
  const record = await existing(deps, name);
  if (record.targetState !== 'STOPPED' || record.taskConfigs.length > 0) throw new BadRequestError(messages.notStopped(name));
  return record;
}
