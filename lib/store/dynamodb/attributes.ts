/**
 * Attribute names of the state table. Stored items outlive deployments: renaming any of these orphans
 * existing data (the golden item-shape tests pin them).
 */
export const ATTR = {
  pk: 'pk',
  sk: 'sk',
  gsi1pk: 'gsi1pk',
  gsi1sk: 'gsi1sk',
  kind: 'kind',
  // connector (config) items
  name: 'name',
  config: 'config',
  targetState: 'targetState',
  taskConfigs: 'taskConfigs',
  version: 'version',
  generation: 'generation',
  incarnation: 'incarnation',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  // status items (also generation, incarnation, updatedAt)
  connector: 'connector',
  taskId: 'taskId',
  state: 'state',
  trace: 'trace',
  workerId: 'workerId',
  extra: 'extra',
  // offset items (also connector)
  partition: 'partition',
  offset: 'offset',
  // offset items written by a task runner: who wrote them (see FencedOffsetStore)
  fenceIncarnation: 'fenceIncarnation',
  fenceGeneration: 'fenceGeneration',
  fenceEpoch: 'fenceEpoch',
  // topic items (also connector)
  topic: 'topic',
  // task lease items (also connector, taskId, generation)
  owner: 'owner',
  epoch: 'epoch',
  expiresAt: 'expiresAt',
  acquiredAt: 'acquiredAt',
  // logger items
  logger: 'logger',
  level: 'level',
  lastModified: 'lastModified',
} as const;

/** The `kind` attribute of each record kind, so a table scan can tell items apart. */
export const KIND = {
  connector: 'connector',
  status: 'status',
  offset: 'offset',
  topic: 'topic',
  logger: 'logger',
  lease: 'lease',
} as const;

export type Item = Record<string, unknown>;
