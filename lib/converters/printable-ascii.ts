/**
 * Whether bytes are all printable ASCII (0x20–0x7f): no control character and nothing above 0x7f.
 * JSON text like that decodes the same as latin1 and UTF-8 and needs no control-character check per
 * string. Checked four bytes at a time (a regex over the decoded text costs several times as much).
 */

/** One Int32Array view per ArrayBuffer, the last one used: a batch's records mostly share a few. */
let viewedBuffer: ArrayBufferLike | undefined;
let words: Int32Array<ArrayBufferLike> = new Int32Array(0);

const LOW_BYTES = 0x20202020;
const HIGH_BITS = 0x80808080 | 0;

/** True when every byte of `buf` from `start` to `end` is in 0x20–0x7f. */
export function isPrintableAscii(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  // Byte by byte up to a 4-byte boundary of the underlying memory.
  while (i < end && ((buf.byteOffset + i) & 3) !== 0) {
    if (!isPrintable(buf[i] as number)) return false;
    i++;
  }
  const wordCount = (end - i) >> 2;
  if (wordCount > 0) {
    const view = wordsOf(buf.buffer);
    const first = (buf.byteOffset + i) >> 2;
    // In a word of bytes below 0x80, `x - 0x20202020` borrows into the top bit of exactly the
    // lowest byte below 0x20 (the bytes under it borrow nothing); a byte of 0x80 or more has its
    // top bit set in `x` already. So the top bits of `(x - LOW_BYTES) | x` are clear iff every byte
    // is printable (Bit Twiddling Hacks' `hasless`, without its `& ~x`, which only clears bits the
    // `| x` sets again). The subtraction wraps in 32 bits (its only use is bitwise); the flags of
    // all words are or-ed, checked once; eight words a turn.
    let flags = 0;
    const last = first + wordCount;
    let w = first;
    for (; w + 8 <= last; w += 8) {
      const a = view[w] as number;
      const b = view[w + 1] as number;
      const c = view[w + 2] as number;
      const d = view[w + 3] as number;
      const e = view[w + 4] as number;
      const f = view[w + 5] as number;
      const g = view[w + 6] as number;
      const h = view[w + 7] as number;
      flags |= ((a - LOW_BYTES) | a | (b - LOW_BYTES) | b | (c - LOW_BYTES) | c | (d - LOW_BYTES) | d) | ((e - LOW_BYTES) | e | (f - LOW_BYTES) | f | (g - LOW_BYTES) | g | (h - LOW_BYTES) | h);
    }
    for (; w < last; w++) {
      const x = view[w] as number;
      flags |= (x - LOW_BYTES) | x;
    }
    if ((flags & HIGH_BITS) !== 0) return false;
    i += wordCount << 2;
  }
  for (; i < end; i++) if (!isPrintable(buf[i] as number)) return false;
  return true;
}

function isPrintable(b: number): boolean {
  return b >= 0x20 && b < 0x80;
}

/** A view of `buffer`'s whole words (made again if a resizable buffer has grown since). */
function wordsOf(buffer: ArrayBufferLike): Int32Array {
  if (buffer !== viewedBuffer || words.length !== buffer.byteLength >> 2) {
    words = new Int32Array(buffer, 0, buffer.byteLength >> 2);
    viewedBuffer = buffer;
  }
  return words;
}
