/**
 * Kafka's `ConfigTransformer.DEFAULT_PATTERN`, `${provider:[path:]key}`, with its exact matching:
 * no part crosses a `}`; the provider name runs to the first `:`, an optional path to the next one,
 * and the key to the `}` (so `${p:a:b:c}` has path `a` and key `b:c`). No nesting, no escape.
 */
export interface ConfigVariable {
  provider: string;
  /** "" when the reference has no path. */
  path: string;
  key: string;
}

const PATTERN_SOURCE = String.raw`\$\{([^}]*?):(([^}]*?):)?([^}]*?)\}`;

/** A fresh global RegExp (global RegExps carry `lastIndex`, so they are not shared). */
export function variablePattern(): RegExp {
  return new RegExp(PATTERN_SOURCE, 'g');
}

export function variableOf(match: RegExpExecArray): ConfigVariable {
  return { provider: match[1] ?? '', path: match[3] ?? '', key: match[4] ?? '' };
}

export function variablesIn(value: string): ConfigVariable[] {
  return Array.from(value.matchAll(variablePattern()), variableOf);
}

/** True when the value holds at least one reference (Kafka's `keysWithVariableValues` test). */
export function hasVariables(value: string): boolean {
  return variablePattern().test(value);
}

/** The distinct reference texts (`${...}` as written) in the values. */
export function referencesIn(values: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const value of values) for (const match of value.matchAll(variablePattern())) found.add(match[0]);
  return [...found];
}
