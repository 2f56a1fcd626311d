import { asBuffer, latin1 } from './buffer-text';

/**
 * The fast path of SimpleHeaderConverter.toConnectHeader: header bytes that `Values.parseString`
 * would return as themselves, with STRING_SCHEMA, decoded without the parser. That is ASCII text
 * without the parser's delimiters (`: , { } [ ] "`) or escapes (`\`) — so it is one token — which
 * starts with a letter (so it is not a number, date or time) and is not `null`, `true` or `false`.
 * Returns undefined for anything else.
 */
export function plainHeaderText(bytes: Uint8Array): string | undefined {
  const n = bytes.length;
  if (n === 0 || n > MAX_LENGTH || !isLetter(bytes[0] as number)) return undefined;
  for (let i = 1; i < n; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80 || NOT_PLAIN[b] === 1) return undefined;
  }
  const text = latin1(asBuffer(bytes), 0, n);
  return LITERALS.has(trimEnd(text)) ? undefined : text;
}

/** Longer values go through the parser: checking them a byte at a time would cost more than it saves. */
const MAX_LENGTH = 64;
const LITERALS: ReadonlySet<string> = new Set(['null', 'true', 'false']);
const NOT_PLAIN = new Uint8Array(128);
for (const c of ':,{}[]"\\') NOT_PLAIN[c.charCodeAt(0)] = 1;

function isLetter(b: number): boolean {
  return (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
}

/** Java's trim at the end (the start is a letter). */
function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) <= 32) end--;
  return end === s.length ? s : s.slice(0, end);
}
