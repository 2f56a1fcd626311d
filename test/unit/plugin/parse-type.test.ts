import { describe, expect, it } from 'vitest';
import { convertToString, parseType } from '#lib/plugin/parse-type';
import { Password } from '#lib/plugin/password';

// Expected messages were produced by Kafka 3.9's ConfigDef.parseType.
describe('parseType', () => {
  it('parses a trimmed INT', () => {
    expect(parseType('k', ' 12 ', 'INT')).toBe(12);
  });

  it('accepts a leading plus sign as Integer.parseInt does', () => {
    expect(parseType('k', '+7', 'INT')).toBe(7);
  });

  it.each([
    ['abc', 'INT', 'Invalid value abc for configuration k: Not a number of type INT'],
    ['2147483648', 'INT', 'Invalid value 2147483648 for configuration k: Not a number of type INT'],
    ['', 'INT', 'Invalid value  for configuration k: Not a number of type INT'],
    ['1.5', 'INT', 'Invalid value 1.5 for configuration k: Not a number of type INT'],
    ['40000', 'SHORT', 'Invalid value 40000 for configuration k: Not a number of type SHORT'],
    ['9223372036854775808', 'LONG', 'Invalid value 9223372036854775808 for configuration k: Not a number of type LONG'],
    ['abc', 'DOUBLE', 'Invalid value abc for configuration k: Not a number of type DOUBLE'],
    ['yes', 'BOOLEAN', 'Invalid value yes for configuration k: Expected value to be either true or false'],
  ] as const)('rejects %j as %s with Kafka\'s message', (value, type, message) => {
    expect(() => parseType('k', value, type)).toThrow(message);
  });

  it('keeps 64-bit LONG values exact as bigint', () => {
    expect(parseType('k', '9223372036854775807', 'LONG')).toBe(9223372036854775807n);
  });

  it('parses DOUBLE with exponents, leading dots and Java suffixes', () => {
    expect([parseType('k', '1e3', 'DOUBLE'), parseType('k', '.5', 'DOUBLE'), parseType('k', '1.5f', 'DOUBLE')]).toEqual([1000, 0.5, 1.5]);
  });

  it('parses BOOLEAN case-insensitively after trimming', () => {
    expect([parseType('k', ' TRUE ', 'BOOLEAN'), parseType('k', 'False', 'BOOLEAN')]).toEqual([true, false]);
  });

  it('splits a LIST on commas with surrounding whitespace, keeping empty items', () => {
    expect(parseType('k', ' a , b ,, c ', 'LIST')).toEqual(['a', 'b', '', 'c']);
    expect(parseType('k', 'a,', 'LIST')).toEqual(['a', '']);
  });

  it('parses an empty LIST string as an empty list', () => {
    expect(parseType('k', '', 'LIST')).toEqual([]);
  });

  it('trims STRING values', () => {
    expect(parseType('k', ' s ', 'STRING')).toBe('s');
  });

  it('wraps PASSWORD values so they render hidden', () => {
    const parsed = parseType('k', ' pw ', 'PASSWORD');
    expect(parsed).toBeInstanceOf(Password);
    expect([String(parsed), (parsed as Password).value()]).toEqual(['[hidden]', 'pw']);
  });

  it('keeps a CLASS name as given when no resolver is supplied', () => {
    expect(parseType('k', ' com.example.Foo ', 'CLASS')).toBe('com.example.Foo');
  });

  it('resolves a CLASS alias through the resolver', () => {
    expect(parseType('k', 'Foo', 'CLASS', { resolveClass: () => 'com.example.Foo' })).toBe('com.example.Foo');
  });

  it('reports a CLASS the resolver does not know', () => {
    expect(() => parseType('k', 'NoSuch', 'CLASS', { resolveClass: () => undefined })).toThrow('Invalid value NoSuch for configuration k: Class NoSuch could not be found.');
  });

  it('passes null through', () => {
    expect(parseType('k', null, 'INT')).toBeNull();
  });

  it('accepts typed defaults and widens integers to LONG', () => {
    expect([parseType('k', 0, 'LONG'), parseType('k', ['a'], 'LIST'), parseType('k', false, 'BOOLEAN')]).toEqual([0n, ['a'], false]);
  });

  it('rejects a typed default of the wrong type', () => {
    expect(() => parseType('k', 1.5, 'INT')).toThrow('Invalid value 1.5 for configuration k: Expected value to be a 32-bit integer, but it was a java.lang.Double');
  });
});

describe('convertToString', () => {
  it('joins lists with commas, hides passwords and renders doubles as Java does', () => {
    expect([convertToString(['a', 'b'], 'LIST'), convertToString(new Password('x'), 'PASSWORD'), convertToString(1, 'DOUBLE')]).toEqual(['a,b', '[hidden]', '1.0']);
  });

  it('renders null as null and an empty list as the empty string', () => {
    expect([convertToString(null, 'STRING'), convertToString([], 'LIST')]).toEqual([null, '']);
  });

  it('renders LONG and BOOLEAN values plainly', () => {
    expect([convertToString(60000n, 'LONG'), convertToString(true, 'BOOLEAN')]).toEqual(['60000', 'true']);
  });
});
