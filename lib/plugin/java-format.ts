/**
 * Java's string renderings, reproduced because Kafka builds its user-facing messages with them:
 * `Object.toString()` of config values, `String.trim()`, `Map.toString()` and class names.
 */
import { Password } from './password';

export { isBlank, javaTrim } from '#lib/data/java-text';
export { javaDoubleToString } from '#lib/data/java-number-format';

/** `String.valueOf(Object)` for the values a ConfigDef produces; lists render as `[a, b]`. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  if (value instanceof Password) return value.toString();
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  return String(value as string | number | boolean | bigint | symbol);
}

/** `AbstractMap.toString()` of a string map in its iteration order: `{k=v, k2=null}`. */
export function javaMapToString(map: Record<string, string | null | undefined>): string {
  return `{${Object.entries(map).map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
}

/** `Class.getSimpleName()` for a binary class name: the part after the last `.` and `$`. */
export function javaSimpleName(className: string): string {
  const afterDot = className.slice(className.lastIndexOf('.') + 1);
  return afterDot.slice(afterDot.lastIndexOf('$') + 1);
}

/** `Class.toString()` of a concrete class, as Kafka prints it in "Class class X does not…". */
export function javaClassToString(className: string): string {
  return `class ${className}`;
}
