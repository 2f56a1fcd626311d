import { describe, expect, it } from 'vitest';
import { parseProperties, propertiesToMap, PropertiesSyntaxError } from '#lib/standalone/properties-parser';

const parse = (text: string): Record<string, string> => propertiesToMap(parseProperties(text));

describe('parseProperties', () => {
  it('reads key=value, key:value and key value', () => {
    expect(parse('a=1\nb:2\nc 3\nd\t4\ne\f5')).toEqual({ a: '1', b: '2', c: '3', d: '4', e: '5' });
  });

  it('skips whitespace around the separator but keeps trailing whitespace in values', () => {
    expect(parse('  key  =   value  \n')).toEqual({ key: 'value  ' });
  });

  it('takes only the first separator; a second one belongs to the value', () => {
    expect(parse('a = = b\nc :=d\nurl=jdbc:postgresql://h:5432/db')).toEqual({ a: '= b', c: '=d', url: 'jdbc:postgresql://h:5432/db' });
  });

  it('reads a key without a value as an empty value', () => {
    expect(parse('lonely\nspaced   \nequals=')).toEqual({ lonely: '', spaced: '', equals: '' });
  });

  it('skips # and ! comments and blank lines, also when indented', () => {
    expect(parse('# comment\n   ! other\n\n   \t\na=1\n#b=2')).toEqual({ a: '1' });
  });

  it('keeps # and ! inside values', () => {
    expect(parse('topic=a#b\nx=!y')).toEqual({ topic: 'a#b', x: '!y' });
  });

  it('joins continuation lines and drops their leading whitespace', () => {
    expect(parse('list=a,\\\n    b,\\\n\tc\nnext=1')).toEqual({ list: 'a,b,c', next: '1' });
  });

  it('does not continue a line that ends in an even number of backslashes', () => {
    expect(parse('path=C:\\\\\nnext=1')).toEqual({ path: 'C:\\', next: '1' });
  });

  it('does not continue a comment line, and a continued line cannot start a comment', () => {
    expect(parse('# comment \\\na=1\nb=x\\\n#y')).toEqual({ a: '1', b: 'x#y' });
  });

  it('ends a continuation at a blank line', () => {
    expect(parse('a=x\\\n\nb=2')).toEqual({ a: 'x', b: '2' });
  });

  it('drops a backslash at the very end of the input', () => {
    expect(parse('a=x\\')).toEqual({ a: 'x' });
  });

  it('understands \\r\\n and lone \\r line ends', () => {
    expect(parse('a=1\r\nb=2\rc=\\\r\n  3')).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('unescapes \\t \\n \\r \\f, \\uXXXX and escaped separators', () => {
    expect(parse('k\\=ey\\ x=a\\tb\\nc\\rd\\fe\ncaf\\u00e9=\\u0041\\u00DF\nother=\\q\\\\')).toEqual({
      'k=ey x': 'a\tb\nc\rd\fe',
      'café': 'Aß',
      other: 'q\\',
    });
  });

  it('lets a later duplicate key win', () => {
    expect(parse('a=1\na=2')).toEqual({ a: '2' });
  });

  it('reports the line of a malformed \\u escape', () => {
    const error = (() => {
      try {
        parseProperties('a=1\n\nb=\\u12G4');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(PropertiesSyntaxError);
    expect(error).toMatchObject({ line: 3 });
  });

  it('records the line where each logical line starts', () => {
    expect(parseProperties('# c\na=1\\\n 2\nb=3').map((e) => e.line)).toEqual([2, 4]);
  });
});
