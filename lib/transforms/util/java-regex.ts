/**
 * `java.util.regex.Pattern` as RegexRouter and TopicNameMatches use it: compiled once, matched
 * against the whole topic name (`Matcher.matches()`). Built on lib/plugin's Java-to-JS translation;
 * syntax only Java knows (possessive quantifiers, atomic groups, `\A`/`\Z`) does not compile, and
 * the reason given is the JS engine's, not Java's PatternSyntaxException text.
 */
import { javaRegex } from '#lib/plugin/java-regex';

export interface JavaPattern {
  /** The pattern as configured (Java's `Pattern.pattern()`). */
  readonly source: string;
  /** Anchored at both ends: `exec` succeeds only when the whole input matches. */
  readonly whole: RegExp;
}

/** Throws an Error whose message says why the pattern is invalid (`null` for a missing one). */
export function compileJavaRegex(source: string | null | undefined): JavaPattern {
  if (source === null || source === undefined) throw new Error('null');
  let regex: RegExp;
  try {
    regex = javaRegex(source);
  } catch (err) {
    throw new Error(reasonOf(err, source), { cause: err });
  }
  return { source, whole: new RegExp(`^(?:${regex.source})$`, regex.flags) };
}

/** `Invalid regular expression: /(/: Unterminated group` → `Unterminated group` + newline + `(`, laid out as Java's message. */
function reasonOf(err: unknown, source: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const reason = message.slice(message.lastIndexOf(': ') + 2) || message;
  return `${reason}\n${source}`;
}
