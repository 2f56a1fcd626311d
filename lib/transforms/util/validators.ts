/**
 * The validators Kafka's transformations share (`transforms.util.NonEmptyListValidator`,
 * `RegexValidator`), with Kafka's messages and "Valid Values" texts. Like every ConfigDef validator
 * they also see null (a missing or unparsable value) during `/config/validate`.
 */
import { ConfigException } from '#lib/plugin/config-exception';
import type { Validator } from '#lib/plugin/config-types';
import { compileJavaRegex } from './java-regex';

/** `Invalid value [] for configuration fields: Empty list`. */
export function nonEmptyListValidator(): Validator {
  return {
    ensureValid(name, value) {
      if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
        throw new ConfigException(name, value ?? null, 'Empty list');
      }
    },
    toString: () => 'non-empty list',
  };
}

/** `Invalid value ( for configuration regex: Invalid regex: <reason>`. */
export function regexValidator(): Validator {
  return {
    ensureValid(name, value) {
      try {
        compileJavaRegex(value as string);
      } catch (err) {
        throw new ConfigException(name, value ?? null, `Invalid regex: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    toString: () => 'valid regex',
  };
}
