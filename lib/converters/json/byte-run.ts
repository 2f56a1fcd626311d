/**
 * Constant bytes written again and again (a struct's `,"field":` prefixes, `null`, `true`, `false`),
 * prepared for `JsonByteWriter.run`: whole 32-bit words, each written with one unaligned
 * little-endian DataView store (about twice as fast as storing the 4–20 bytes of a field name one
 * by one), then the remaining bytes.
 */
export class ByteRun {
  readonly length: number;
  /** The bytes four at a time, little-endian. */
  readonly words: Int32Array;
  /** The last `length % 4` bytes. */
  readonly tail: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.length = bytes.length;
    const whole = bytes.length >> 2;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.words = Int32Array.from({ length: whole }, (_, i) => view.getInt32(4 * i, true));
    this.tail = Uint8Array.from(bytes.subarray(4 * whole));
  }

  static of(text: string): ByteRun {
    return new ByteRun(Buffer.from(text, 'utf8'));
  }
}
