/** Confluent's validators and recommenders of the JDBC source config, with their messages. */
import { ConfigException } from '#lib/plugin/config-exception';
import type { Recommender, Validator } from '#lib/plugin/config-types';
import { parseJavaZoneId } from '../temporal/java-zone';
import { MODE_BULK, MODE_INCREMENTING, MODE_TIMESTAMP, MODE_TIMESTAMP_INCREMENTING, MODE_UNSPECIFIED, MODE_CONFIG, INCREMENTING_COLUMN_NAME_CONFIG, TIMESTAMP_COLUMN_NAME_CONFIG, VALIDATE_NON_NULL_CONFIG } from './config-keys';

const INVALID_TOPIC_CHARS = /[^a-zA-Z0-9._-]/;

export const topicPrefixValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) throw new ConfigException(name, value, 'Topic prefix must not be null.');
    const trimmed = (value as string).trim();
    if (trimmed.length > 249) throw new ConfigException(name, value, 'Topic prefix length must not exceed max topic name length, 249 chars');
    if (INVALID_TOPIC_CHARS.test(trimmed)) throw new ConfigException(name, value, "Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'.");
  },
  toString: () => '',
};

export const timeZoneValidator: Validator = {
  ensureValid(name, value) {
    if (value !== null && value !== undefined && parseJavaZoneId(String(value)) === undefined) {
      throw new ConfigException(name, value, 'Invalid time zone. See the list of valid time zones at https://docs.oracle.com/javase/8/docs/api/java/time/ZoneId.html#shortIds');
    }
  },
  toString: () => 'Any valid JDK time zone',
};

export const regexListValidator: Validator = {
  ensureValid(name, value) {
    for (const regex of (value as string[] | null) ?? []) {
      try {
        new RegExp(regex.trim());
      } catch (err) {
        throw new ConfigException(name, value, `Must be a valid comma-separated list of regular expression patterns: ${(err as Error).message}`);
      }
    }
  },
  toString: () => 'a valid comma-separated list of Java regular expressions',
};

/** Confluent's EnumRecommender: accepts a value in lower or upper case; recommends the lower-case names. */
export function enumRecommender(values: readonly string[]): Validator & Recommender {
  const canonical = values.map((v) => v.toLowerCase());
  const valid = new Set([...values.map((v) => v.toUpperCase()), ...canonical]);
  return {
    ensureValid(name, value) {
      if (value !== null && value !== undefined && !valid.has(String(value))) throw new ConfigException(name, value, 'Invalid enumerator');
    },
    toString: () => `[${canonical.join(', ')}]`,
    validValues: () => [...canonical],
    visible: () => true,
  };
}

/** DatabaseDialectRecommender, with the one dialect lambda-connect has. */
export function dialectRecommender(dialects: readonly string[]): Validator & Recommender {
  const names = ['', ...dialects];
  return {
    ensureValid(name, value) {
      if (value !== null && value !== undefined && !names.includes(String(value))) throw new ConfigException(name, value, 'Invalid enumerator');
    },
    toString: () => `[${names.join(', ')}]`,
    validValues: () => [...names],
    visible: () => true,
  };
}

/** Hides a key from /config/validate (query.masked). */
export const hiddenRecommender: Recommender = { validValues: () => [], visible: () => false };

/** Confluent's ModeDependentsRecommender: which mode-related keys matter for the chosen mode. */
export const modeDependentsRecommender: Recommender = {
  validValues: () => [],
  visible(name, parsed) {
    const mode = parsed[MODE_CONFIG];
    switch (mode) {
      case MODE_BULK:
        return false;
      case MODE_TIMESTAMP:
        return name === TIMESTAMP_COLUMN_NAME_CONFIG || name === VALIDATE_NON_NULL_CONFIG;
      case MODE_INCREMENTING:
        return name === INCREMENTING_COLUMN_NAME_CONFIG || name === VALIDATE_NON_NULL_CONFIG;
      case MODE_TIMESTAMP_INCREMENTING:
        return name === TIMESTAMP_COLUMN_NAME_CONFIG || name === INCREMENTING_COLUMN_NAME_CONFIG || name === VALIDATE_NON_NULL_CONFIG;
      case MODE_UNSPECIFIED:
        throw new ConfigException('Query mode must be specified');
      default:
        throw new ConfigException(`Invalid mode: ${String(mode)}`);
    }
  },
};
