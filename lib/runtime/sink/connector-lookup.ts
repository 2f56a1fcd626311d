/**
 * Finds the sink connector an ESM batch belongs to from the alias the mapping invoked. Aliases are
 * a hash of the connector name, so the alias → name index is built from the connector list and
 * kept per container; a miss (a connector created since) lists again. The record itself is always
 * read strongly consistent, so pauses, stops and config changes are seen by the next batch.
 */
import type { ConfigStore, ConnectorRecord } from '#lib/store/types';
import { aliasFor } from './mapping-names';

export interface ConnectorLookup {
  find(alias: string): Promise<ConnectorRecord | undefined>;
}

export function createConnectorLookup(configs: ConfigStore): ConnectorLookup {
  const names = new Map<string, string>();
  const index = async (): Promise<void> => {
    for (const record of await configs.list()) names.set(aliasFor(record.name), record.name);
  };
  return {
    async find(alias) {
      if (!names.has(alias)) await index();
      const name = names.get(alias);
      if (name === undefined) return undefined;
      const record = await configs.get(name);
      if (record === undefined) names.delete(alias);
      return record;
    },
  };
}
