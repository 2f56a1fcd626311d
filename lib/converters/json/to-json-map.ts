import { quoteJsonString } from './json-string';

/**
 * A map's JSON: an object when `objectMode` (keys by their text; Jackson's ObjectNode keeps a repeated
 * key text at its first position with the last value), else an array of `[key, value]` pairs.
 */
export function writeMapEntries(
  map: ReadonlyMap<unknown, unknown>,
  objectMode: boolean,
  writeKey: (key: unknown) => string,
  writeValue: (value: unknown) => string,
): string {
  let out = '';
  if (!objectMode) {
    for (const [k, v] of map) out += `${out === '' ? '[' : ','}[${writeKey(k)},${writeValue(v)}]`;
    return out === '' ? '[]' : `${out}]`;
  }
  let allStrings = true;
  for (const [k, v] of map) {
    if (typeof k !== 'string') {
      allStrings = false;
      break;
    }
    out += `${out === '' ? '{' : ','}${quoteJsonString(k)}:${writeValue(v)}`;
  }
  if (allStrings) return out === '' ? '{}' : `${out}}`;
  const members = new Map<string, string>();
  for (const [k, v] of map) {
    const keyJson = writeKey(k);
    members.set(typeof k === 'string' ? k : keyJson, writeValue(v));
  }
  return `{${[...members].map(([k, v]) => `${quoteJsonString(k)}:${v}`).join(',')}}`;
}
