/**
 * The recommenders of Confluent's JdbcSinkConfig: pk.mode offers only `record_key` once deletes are
 * enabled, delete.enabled is shown (and may be true) only with pk.mode=record_key, and table.types
 * accepts a list of TableType names in upper or lower case.
 */
import { ConfigException } from '#lib/plugin/config-exception';
import type { Recommender, Validator } from '#lib/plugin/config-types';
import { DELETE_ENABLED_CONFIG, PK_MODE_CONFIG, PK_MODES, TABLE_TYPES } from './jdbc-sink-keys';

export const pkModeRecommender: Recommender = {
  validValues: (_name, parsed) => (parsed[DELETE_ENABLED_CONFIG] === true ? ['record_key'] : [...PK_MODES]),
  visible: () => true,
};

const isRecordKeyMode = (parsed: Readonly<Record<string, unknown>>): boolean => String(parsed[PK_MODE_CONFIG]).toLowerCase() === 'record_key';

export const deleteEnabledRecommender: Recommender = {
  validValues: (_name, parsed) => (isRecordKeyMode(parsed) ? [true, false] : [false]),
  visible: (_name, parsed) => isRecordKeyMode(parsed),
};

/** EnumRecommender over a LIST key: every entry must be a TableType name in upper or lower case. */
export const tableTypesRecommender: Validator & Recommender = (() => {
  const names = Object.keys(TABLE_TYPES);
  const valid = new Set([...names, ...names.map((n) => n.toLowerCase())]);
  return {
    ensureValid(name, value) {
      const canonical = `[${names.map((n) => n.toLowerCase()).join(', ')}]`;
      if (!Array.isArray(value)) {
        if (value !== null && value !== undefined && !valid.has(String(value))) throw new ConfigException(name, value, 'Invalid enumerator');
        return;
      }
      if (value.length === 0) throw new ConfigException(name, value, `At least one value must be specified. Valid values are: ${canonical}`);
      for (const entry of value as unknown[]) {
        if (entry === null || entry === undefined) throw new ConfigException(name, value, `Null is not a valid value. Valid values are: ${canonical}`);
        if (!valid.has(String(entry))) throw new ConfigException(name, entry, 'Invalid enumerator');
      }
    },
    toString: () => `[${names.map((n) => n.toLowerCase()).join(', ')}]`,
    validValues: () => names.map((n) => n.toLowerCase()),
    visible: () => true,
  };
})();
