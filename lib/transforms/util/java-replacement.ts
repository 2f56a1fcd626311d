/**
 * Java's `Matcher.appendReplacement` rules for a replacement string: `$n` and `${name}` insert a
 * group (a multi-digit `$nn` is taken while it still names an existing group), `\x` inserts `x`
 * literally; anything else is copied. Errors carry Java's IllegalArgumentException /
 * IndexOutOfBoundsException messages, as DataErrors because they surface while a record is routed.
 */
import { DataError } from '#lib/errors';

export function expandJavaReplacement(replacement: string, match: RegExpExecArray): string {
  const groupCount = match.length - 1;
  let out = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i] as string;
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new DataError('character to be escaped is missing');
      out += replacement[i];
      i++;
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) throw new DataError('Illegal group reference: group index is missing');
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        const name = end < 0 ? '' : replacement.slice(i + 1, end);
        if (end < 0 || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new DataError('named capturing group is missing trailing \'}\'');
        if (match.groups === undefined || !(name in match.groups)) throw new DataError(`No group with name {${name}}`);
        out += match.groups[name] ?? '';
        i = end + 1;
      } else {
        let ref = digitAt(replacement, i);
        if (ref < 0) throw new DataError('Illegal group reference');
        i++;
        for (let next = digitAt(replacement, i); next >= 0 && ref * 10 + next <= groupCount; next = digitAt(replacement, i)) {
          ref = ref * 10 + next;
          i++;
        }
        if (ref > groupCount) throw new DataError(`No group ${ref}`);
        out += match[ref] ?? '';
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function digitAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code >= 48 && code <= 57 ? code - 48 : -1;
}
