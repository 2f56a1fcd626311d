/** Buffer's native slicers (long-standing, undocumented, what `toString` calls after its checks). */
interface NativeSlices {
  latin1Slice(start: number, end: number): string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The text of `buf` from `start` (at a character boundary), decoded as strict UTF-8 with a BOM kept
 * as a character. Throws a TypeError for malformed UTF-8.
 */
export function strictUtf8From(buf: Buffer, start: number): string {
  return strictUtf8.decode(start === 0 ? buf : buf.subarray(start));
}

/** The bytes from `start` to `end` as latin1 (one character per byte). */
export function latin1(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as NativeSlices).latin1Slice(start, end);
}

/** True when `buf` holds `pattern` at `pos`. */
export function bytesAt(buf: Buffer, pos: number, pattern: Buffer): boolean {
  const end = pos + pattern.length;
  if (end > buf.length) return false;
  if (pattern.length > 16) return pattern.compare(buf, pos, end) === 0;
  for (let i = 0; i < pattern.length; i++) if (buf[pos + i] !== pattern[i]) return false;
  return true;
}
