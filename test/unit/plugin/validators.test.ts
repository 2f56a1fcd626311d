import { describe, expect, it } from 'vitest';
import { CaseInsensitiveValidString, CompositeValidator, LambdaValidator, ListSize, NonEmptyString, NonEmptyStringWithoutControlChars, NonNullValidator, Range, ValidList, ValidString } from '#lib/plugin/validators';

// Expected messages were produced by Kafka 3.9's ConfigDef validators.
describe('Range', () => {
  it('rejects values below atLeast', () => {
    expect(() => Range.atLeast(1).ensureValid('tasks.max', 0)).toThrow('Invalid value 0 for configuration tasks.max: Value must be at least 1');
  });

  it('rejects values above between', () => {
    expect(() => Range.between(1, 10).ensureValid('b', 11)).toThrow('Invalid value 11 for configuration b: Value must be no more than 10');
  });

  it('rejects null with the non-null message', () => {
    expect(() => Range.atLeast(1).ensureValid('tasks.max', null)).toThrow('Invalid value null for configuration tasks.max: Value must be non-null');
  });

  it('compares bigint values exactly', () => {
    expect(() => Range.atLeast(0).ensureValid('l', -1n)).toThrow('Value must be at least 0');
    expect(() => Range.between(0n, 9223372036854775806n).ensureValid('l', 9223372036854775807n)).toThrow('Value must be no more than 9223372036854775806');
  });

  it('describes its bounds as Kafka does', () => {
    expect([Range.atLeast(1).toString(), Range.between(1, 10).toString()]).toEqual(['[1,...]', '[1,...,10]']);
  });
});

describe('ValidString', () => {
  it('lists the valid values in order', () => {
    expect(() => ValidString.in('none', 'all').ensureValid('errors.tolerance', 'sometimes')).toThrow('Invalid value sometimes for configuration errors.tolerance: String must be one of: none, all');
  });

  it('is case-sensitive', () => {
    expect(() => ValidString.in('none', 'all').ensureValid('e', 'ALL')).toThrow('String must be one of: none, all');
  });
});

describe('CaseInsensitiveValidString', () => {
  it('accepts any case', () => {
    expect(() => CaseInsensitiveValidString.in('requested', 'required').ensureValid('eos', 'Required')).not.toThrow();
  });

  it('lists the upper-cased values in HashSet order', () => {
    expect(() => CaseInsensitiveValidString.in('requested', 'required').ensureValid('eos', 'maybe')).toThrow(
      'Invalid value maybe for configuration eos: String must be one of (case insensitive): REQUIRED, REQUESTED',
    );
  });
});

describe('ValidList', () => {
  it('reports the first invalid element', () => {
    expect(() => ValidList.in('x', 'y').ensureValid('vl', ['x', 'z'])).toThrow('Invalid value z for configuration vl: String must be one of: x, y');
  });
});

describe('NonEmptyString', () => {
  it('rejects the empty string and lets null pass', () => {
    expect(() => NonEmptyString().ensureValid('ne', '')).toThrow('Invalid value  for configuration ne: String must be non-empty');
    expect(() => NonEmptyString().ensureValid('ne', null)).not.toThrow();
  });
});

describe('NonEmptyStringWithoutControlChars', () => {
  it('rejects the empty string with two spaces in the message', () => {
    expect(() => NonEmptyStringWithoutControlChars().ensureValid('name', '')).toThrow('Invalid value  for configuration name: String may not be empty');
  });

  it('lists every ISO control character as a comma-separated code point', () => {
    expect(() => NonEmptyStringWithoutControlChars().ensureValid('name', 'a\u0007b\u0085')).toThrow(
      'Invalid value a\u0007b\u0085 for configuration name: String may not contain control sequences but had the following ASCII chars: 7, 133',
    );
  });

  it('accepts slashes, spaces and non-ASCII letters', () => {
    expect(() => NonEmptyStringWithoutControlChars().ensureValid('name', 'ta/b&c=d þ ሴ')).not.toThrow();
  });

  it('lets null pass because a missing name is reported as missing', () => {
    expect(() => NonEmptyStringWithoutControlChars().ensureValid('name', null)).not.toThrow();
  });
});

describe('NonNullValidator', () => {
  it('rejects null with the entry message', () => {
    expect(() => NonNullValidator().ensureValid('nn', null)).toThrow('Invalid value null for configuration nn: entry must be non null');
  });
});

describe('LambdaValidator', () => {
  it('runs the function and describes itself with the supplier', () => {
    const validator = LambdaValidator.with(() => {
      throw new Error('boom');
    }, () => 'custom');
    expect(() => validator.ensureValid('k', 1)).toThrow('boom');
    expect(validator.toString()).toBe('custom');
  });
});

describe('CompositeValidator', () => {
  it('stops at the first failing validator and joins descriptions', () => {
    const validator = CompositeValidator.of(NonNullValidator(), Range.atLeast(1));
    expect(() => validator.ensureValid('k', null)).toThrow('entry must be non null');
    expect(validator.toString()).toBe('non-null string, [1,...]');
  });
});

describe('ListSize', () => {
  it('rejects lists longer than the maximum', () => {
    expect(() => ListSize.atMostOfSize(1).ensureValid('l', ['a', 'b'])).toThrow('Invalid value [a, b] for configuration l: exceeds maximum list size of [1].');
  });
});
