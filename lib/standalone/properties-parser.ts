/**
 * Java's `Properties.load` format, as `connect-standalone` reads worker and connector files:
 * `#`/`!` comment lines, key and value separated by `=`, `:` or whitespace, a line ending in an odd
 * number of backslashes continues on the next line (whose leading whitespace is dropped), and the
 * escapes `\t \n \r \f \uXXXX`; any other escaped character stands for itself. Values keep trailing
 * whitespace, as in Java. A later duplicate key wins.
 */

export interface PropertyEntry {
  key: string;
  value: string;
  /** 1-based line on which the (logical) line starts. */
  line: number;
}

export class PropertiesSyntaxError extends Error {
  override readonly name = 'PropertiesSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([' ', '\t', '\f']);

export function parseProperties(text: string): PropertyEntry[] {
  return logicalLines(text).map(({ text: line, line: lineNo }) => {
    const { keyEnd, valueStart } = splitKeyValue(line);
    return { key: unescape(line.slice(0, keyEnd), lineNo), value: unescape(line.slice(valueStart), lineNo), line: lineNo };
  });
}

/** The entries as a map; a later duplicate key wins. */
export function propertiesToMap(entries: PropertyEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
}

function logicalLines(text: string): { text: string; line: number }[] {
  const natural = text.split(/\r\n|\r|\n/);
  const lines: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;
  natural.forEach((raw, index) => {
    const stripped = stripLeadingWhitespace(raw);
    if (current === undefined) {
      if (stripped === '' || stripped.startsWith('#') || stripped.startsWith('!')) return;
      current = { text: '', line: index + 1 };
    }
    const continues = trailingBackslashes(stripped) % 2 === 1;
    current.text += continues ? stripped.slice(0, -1) : stripped;
    // A continuation at the very end of the input ends the line, as in Java.
    if (continues && index < natural.length - 1) return;
    lines.push(current);
    current = undefined;
  });
  return lines;
}

/** Java's rule: the key ends at the first unescaped `=`, `:` or whitespace; then whitespace, at most one
 *  `=` or `:`, and more whitespace are skipped before the value. */
function splitKeyValue(line: string): { keyEnd: number; valueStart: number } {
  let keyEnd = 0;
  let escaped = false;
  let hasSeparator = false;
  for (; keyEnd < line.length; keyEnd++) {
    const c = line.charAt(keyEnd);
    if (!escaped && (c === '=' || c === ':' || WHITESPACE.has(c))) {
      hasSeparator = c === '=' || c === ':';
      break;
    }
    escaped = c === '\\' ? !escaped : false;
  }
  let valueStart = Math.min(keyEnd + 1, line.length);
  for (; valueStart < line.length; valueStart++) {
    const c = line.charAt(valueStart);
    if (WHITESPACE.has(c)) continue;
    if (!hasSeparator && (c === '=' || c === ':')) hasSeparator = true;
    else break;
  }
  return { keyEnd, valueStart };
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(text: string, line: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c !== '\\' || i === text.length - 1) {
      out += c === '\\' ? '' : c;
      continue;
    }
    const next = text.charAt(++i);
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PropertiesSyntaxError(`Malformed \\uxxxx escape: \\u${hex}`, line);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else out += ESCAPES[next] ?? next;
  }
  return out;
}

function stripLeadingWhitespace(text: string): string {
  let i = 0;
  while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  return text.slice(i);
}

function trailingBackslashes(text: string): number {
  let n = 0;
  while (n < text.length && text.charAt(text.length - 1 - n) === '\\') n++;
  return n;
}
