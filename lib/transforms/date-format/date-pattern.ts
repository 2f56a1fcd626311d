/**
 * A `java.text.SimpleDateFormat` pattern compiled into literal text and fields (a letter repeated
 * `count` times). Quoting follows Java: `'text'` is literal, `''` is a single quote. Letters Java
 * does not know are rejected as Java rejects them; Java letters this port does not implement (week
 * fields `Y`, `w`, `W`, `F`) are rejected too, so a pattern never silently formats differently.
 */

export type DatePatternToken = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'field'; readonly letter: string; readonly count: number };

const JAVA_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';
const UNSUPPORTED_LETTERS = 'YwWF';

/** Thrown for a pattern Java would reject (IllegalArgumentException) or that is outside the supported subset. */
export class DatePatternError extends Error {}

export function compileDatePattern(pattern: string): DatePatternToken[] {
  const tokens: DatePatternToken[] = [];
  let literal = '';
  const flushLiteral = (): void => {
    if (literal !== '') tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal += "'";
        i += 2;
        continue;
      }
      const end = quoteEnd(pattern, i + 1);
      literal += pattern.slice(i + 1, end).replaceAll("''", "'");
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!JAVA_LETTERS.includes(c)) throw new DatePatternError(`Illegal pattern character '${c}'`);
      if (UNSUPPORTED_LETTERS.includes(c)) throw new DatePatternError(`Unsupported pattern character '${c}' (week-based fields are not implemented)`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      flushLiteral();
      tokens.push({ kind: 'field', letter: c, count });
      i += count;
    } else {
      literal += c;
      i++;
    }
  }
  flushLiteral();
  return tokens;
}

/** The index of the quote closing a quoted section that starts at `from` (doubled quotes stay inside). */
function quoteEnd(pattern: string, from: number): number {
  let i = from;
  for (;;) {
    const end = pattern.indexOf("'", i);
    if (end < 0) throw new DatePatternError('Unterminated quote');
    if (pattern[end + 1] !== "'") return end;
    i = end + 2;
  }
}

/** Whether a field is read as a number (the fields whose digit count matters when fields abut). */
export function isNumericField(token: DatePatternToken): boolean {
  if (token.kind !== 'field') return false;
  if (token.letter === 'M' || token.letter === 'L') return token.count <= 2;
  return 'ydHkKhmsSDu'.includes(token.letter);
}
