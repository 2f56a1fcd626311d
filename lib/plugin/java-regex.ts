/**
 * Compiles a `java.util.regex.Pattern` source as a JS RegExp. The dialects agree on what connector
 * configs use (classes, groups, quantifiers, alternation, `(?i)`); Java-only syntax such as possessive
 * quantifiers fails to compile here. No `u` flag: like Java, escapes of any punctuation (`\-`) are allowed.
 */
export function javaRegex(source: string): RegExp {
  const caseInsensitive = source.startsWith('(?i)');
  return new RegExp(caseInsensitive ? source.slice(4) : source, caseInsensitive ? 'i' : '');
}
