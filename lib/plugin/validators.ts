/**
 * Kafka's stock `ConfigDef` validators with their exact messages and "Valid Values" texts.
 * A validator sees the parsed value, or null when the key is unset without default or failed to parse.
 */
import { ConfigException } from './config-exception';
import type { Validator } from './config-types';
import { javaHashMapOrder } from './java-hash-order';

type Bound = number | bigint;

export const Range = {
  atLeast(min: Bound): Validator {
    return range(min, null);
  },
  between(min: Bound, max: Bound): Validator {
    return range(min, max);
  },
};

function range(min: Bound | null, max: Bound | null): Validator {
  return {
    ensureValid(name, value) {
      if (value === null || value === undefined) throw new ConfigException(name, null, 'Value must be non-null');
      const n = value as Bound;
      if (min !== null && less(n, min)) throw new ConfigException(name, value, `Value must be at least ${min}`);
      if (max !== null && less(max, n)) throw new ConfigException(name, value, `Value must be no more than ${max}`);
    },
    toString: () => (min === null ? (max === null ? '[...]' : `[...,${max}]`) : max === null ? `[${min},...]` : `[${min},...,${max}]`),
  };
}

/** Exact for two bigints or two numbers; mixed operands compare as doubles, as Kafka does. */
function less(a: Bound, b: Bound): boolean {
  return typeof a === typeof b ? a < b : Number(a) < Number(b);
}

export const ValidString = {
  /** Case-sensitive: `String must be one of: a, b`. */
  in(...validStrings: string[]): Validator {
    return {
      ensureValid(name, value) {
        if (typeof value !== 'string' || !validStrings.includes(value)) {
          throw new ConfigException(name, value, `String must be one of: ${validStrings.join(', ')}`);
        }
      },
      toString: () => `[${validStrings.join(', ')}]`,
    };
  },
};

export const CaseInsensitiveValidString = {
  /** Kafka keeps the upper-cased values in a HashSet, so messages list them in HashSet order. */
  in(...validStrings: string[]): Validator {
    const upper = javaHashMapOrder(validStrings.map((s) => s.toUpperCase()));
    return {
      ensureValid(name, value) {
        if (typeof value !== 'string' || !upper.includes(value.toUpperCase())) {
          throw new ConfigException(name, value, `String must be one of (case insensitive): ${upper.join(', ')}`);
        }
      },
      toString: () => `(case insensitive) [${upper.join(', ')}]`,
    };
  },
};

export const ValidList = {
  /** Every element must be one of the valid strings. */
  in(...validStrings: string[]): Validator {
    const element = ValidString.in(...validStrings);
    return {
      ensureValid(name, value) {
        for (const item of Array.isArray(value) ? value : []) element.ensureValid(name, item);
      },
      toString: () => element.toString(),
    };
  },
};

/** Rejects "" (null passes): `String must be non-empty`. */
export const NonEmptyString = (): Validator => ({
  ensureValid(name, value) {
    if (value === '') throw new ConfigException(name, value, 'String must be non-empty');
  },
  toString: () => 'non-empty string',
});

/** Kafka's `Character.isISOControl`: U+0000–U+001F and U+007F–U+009F. */
function isIsoControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** The connector-name rule; null passes because a missing name is reported as missing. */
export const NonEmptyStringWithoutControlChars = (): Validator => ({
  ensureValid(name, value) {
    if (value === null || value === undefined) return;
    const s = value as string;
    if (s.length === 0) throw new ConfigException(name, value, 'String may not be empty');
    const found: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const code = s.codePointAt(i) ?? 0;
      if (isIsoControl(code)) found.push(code);
    }
    if (found.length > 0) {
      throw new ConfigException(name, value, `String may not contain control sequences but had the following ASCII chars: ${found.join(', ')}`);
    }
  },
  toString: () => 'non-empty string without ISO control characters',
});

/** `entry must be non null`, reported with the value "null". */
export const NonNullValidator = (): Validator => ({
  ensureValid(name, value) {
    if (value === null || value === undefined) throw new ConfigException(name, 'null', 'entry must be non null');
  },
  toString: () => 'non-null string',
});

export const LambdaValidator = {
  with(ensureValid: (name: string, value: unknown) => void, describe: () => string): Validator {
    return { ensureValid, toString: describe };
  },
};

export const CompositeValidator = {
  /** Runs the validators in order; the first failure wins. */
  of(...validators: Validator[]): Validator {
    return {
      ensureValid(name, value) {
        for (const validator of validators) validator.ensureValid(name, value);
      },
      toString: () => validators.map((v) => v.toString()).join(', '),
    };
  },
};

export const ListSize = {
  atMostOfSize(maxSize: number): Validator {
    return {
      ensureValid(name, value) {
        if (Array.isArray(value) && value.length > maxSize) {
          throw new ConfigException(name, value, `exceeds maximum list size of [${maxSize}].`);
        }
      },
      toString: () => `List containing maximum of ${maxSize} elements`,
    };
  },
};
