/** Java's `String.trim()`: strips characters ≤ U+0020 at both ends (not other Unicode spaces). */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Kafka's `Utils.isBlank`. */
export function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || javaTrim(s).length === 0;
}
