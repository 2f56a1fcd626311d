// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const SHORT_ESCAPES: Readonly<Record<number, string>> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/**
 * A JSON string literal exactly as Jackson's UTF8JsonGenerator writes it with Kafka's settings:
 * `"` and `\` escaped, \b \t \n \f \r short, other control characters as `\u00XX`, every UTF-16
 * surrogate (so characters beyond the BMP, e.g. emoji) as an upper-case `\uXXXX` escape, and all
 * other characters (`/` and DEL included) written as they are.
 */
export function quoteJsonString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92 && (c < 0xd800 || c > 0xdfff)) continue;
    out += value.slice(chunk, i) + (SHORT_ESCAPES[c] ?? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`);
    chunk = i + 1;
  }
  return `${out}${value.slice(chunk)}"`;
}
