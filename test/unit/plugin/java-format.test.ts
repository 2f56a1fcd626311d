import { describe, expect, it } from 'vitest';
import { isBlank, javaDoubleToString, javaMapToString, javaSimpleName, javaToString, javaTrim } from '#lib/plugin/java-format';
import { Password } from '#lib/plugin/password';

describe('javaTrim', () => {
  it('strips control characters at both ends like String.trim', () => {
    expect(javaTrim('\u0007 a b\t\u0001')).toBe('a b');
  });

  it('keeps non-ASCII spaces that JavaScript trim would strip', () => {
    expect(javaTrim('\u00a0a\u2003')).toBe('\u00a0a\u2003');
  });
});

describe('isBlank', () => {
  it('treats null, empty and whitespace-only strings as blank', () => {
    expect([isBlank(null), isBlank(undefined), isBlank(''), isBlank(' \t'), isBlank(' x ')]).toEqual([true, true, true, true, false]);
  });
});

describe('javaDoubleToString', () => {
  it('renders doubles as Double.toString does', () => {
    const values = [1.0, 0.5, 1e7, 1.5e-4, 123456.789, 0.001, 1e21, -2.5, 100.0];
    expect(values.map(javaDoubleToString).join(' ')).toBe('1.0 0.5 1.0E7 1.5E-4 123456.789 0.001 1.0E21 -2.5 100.0');
  });

  it('renders the special values', () => {
    expect([NaN, Infinity, -Infinity, -0].map(javaDoubleToString)).toEqual(['NaN', 'Infinity', '-Infinity', '-0.0']);
  });
});

describe('javaToString', () => {
  it('renders lists as [a, b] and null as null', () => {
    expect(javaToString(['t', 't'])).toBe('[t, t]');
    expect(javaToString(null)).toBe('null');
  });

  it('hides passwords', () => {
    expect(javaToString(new Password('secret'))).toBe('[hidden]');
  });

  it('renders bigints and booleans plainly', () => {
    expect([javaToString(9223372036854775807n), javaToString(true)]).toEqual(['9223372036854775807', 'true']);
  });
});

describe('javaMapToString', () => {
  it('renders a map as {k=v, k2=null} in insertion order', () => {
    expect(javaMapToString({ name: 'a', 'tasks.max': '1', x: null })).toBe('{name=a, tasks.max=1, x=null}');
  });
});

describe('javaSimpleName', () => {
  it('takes the part after the last dot and dollar', () => {
    expect(javaSimpleName('org.apache.kafka.connect.transforms.Cast$Value')).toBe('Value');
    expect(javaSimpleName('Plain')).toBe('Plain');
  });
});
