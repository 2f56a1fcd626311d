/**
 * ConfigStore in a Map, with the DynamoDB adapter's semantics: conditional create, update only of an
 * existing record (a write racing a delete never resurrects it), optimistic versions. Records are
 * cloned in and out so callers can never mutate stored state.
 */
import { applyConnectorChanges, newConnectorRecord } from '#lib/store/connector-record';
import { compareStrings } from '#lib/store/compare-strings';
import {
  MAX_ITEM_BYTES,
  connectorAlreadyExists,
  connectorNotFound,
  connectorVersionConflict,
  recordTooLarge,
} from '#lib/store/store-errors';
import type { ConfigStore, ConnectorRecord } from '#lib/store/types';

export function createMemoryConfigStore(): ConfigStore {
  const records = new Map<string, ConnectorRecord>();

  function save(record: ConnectorRecord, action: string): ConnectorRecord {
    // Approximates DynamoDB's item size so an oversized connector fails here as it would there.
    if (Buffer.byteLength(JSON.stringify(record)) > MAX_ITEM_BYTES) throw recordTooLarge(`${action} connector ${record.name}`);
    records.set(record.name, structuredClone(record));
    return structuredClone(record);
  }

  return {
    async get(name) {
      const record = records.get(name);
      return record === undefined ? undefined : structuredClone(record);
    },

    async list() {
      return [...records.values()].sort((a, b) => compareStrings(a.name, b.name)).map((r) => structuredClone(r));
    },

    async create(connector) {
      if (records.has(connector.name)) throw connectorAlreadyExists(connector.name);
      return save(newConnectorRecord(connector), 'creating');
    },

    async update(name, changes, options = {}) {
      const current = records.get(name);
      if (current === undefined) throw connectorNotFound(name);
      const { expectedVersion } = options;
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw connectorVersionConflict(name, expectedVersion);
      }
      return save(applyConnectorChanges(current, changes), 'updating');
    },

    async delete(name) {
      return records.delete(name);
    },
  };
}
