import { javaDoubleToString } from '#lib/data/java-number-format';
import type { ByteRun } from './byte-run';

/** Buffer's native latin1 writer (long-standing, undocumented, what `write(…, 'latin1')` calls after its checks). */
interface NativeWrites {
  latin1Write(text: string, offset: number): number;
  utf8Write(text: string, offset: number): number;
}

const HEX = '0123456789ABCDEF';
const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1000];
const SHORT_ESCAPES: readonly number[] = Object.assign(new Array<number>(93).fill(0), { 8: 98, 9: 116, 10: 110, 12: 102, 13: 114, 34: 34, 92: 92 });
/** Strings this long or longer are checked by a regex and copied natively when they need no escaping. */
const NATIVE_COPY_LENGTH = 48;
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** 1 for the ASCII characters written as they are in a JSON string (printable, not `"` or `\`). */
const PLAIN = Uint8Array.from({ length: 128 }, (_, c) => (c >= 32 && c !== 34 && c !== 92 ? 1 : 0));
const SLAB_SIZE = 65536;
/** Documents shorter than this are copied out of the slab (into Node's shared pool, like `Buffer.from`). */
const COPY_OUT_BELOW = 512;

/**
 * JSON written straight into bytes (UTF-8), with strings quoted and escaped exactly as
 * `quoteJsonString` does (Jackson's UTF8JsonGenerator with Kafka's settings). Documents are written
 * one after the other into 64 KiB slabs and handed out as views of them (`finish`), so a document
 * costs neither an allocation of its own nor a copy; small ones are copied out instead, so that a
 * long-lived key does not keep a whole slab alive. `begin` drops an unfinished document.
 */
export class JsonByteWriter {
  /** Empty until the first document: converters that never write cost nothing. */
  buf: Buffer = Buffer.alloc(0);
  /** `buf` as a DataView, for stores of four bytes at any offset. */
  view: DataView = new DataView(this.buf.buffer, 0, 0);
  pos = 0;
  #start = 0;

  /** Starts a document (dropping any unfinished one). */
  begin(): void {
    this.pos = this.#start;
  }

  /** The document written since `begin`. */
  finish(): Buffer {
    const start = this.#start;
    const end = this.pos;
    if (end - start < COPY_OUT_BELOW) {
      const out = Buffer.allocUnsafe(end - start);
      out.set(this.buf.subarray(start, end));
      this.pos = start;
      return out;
    }
    this.#start = end;
    return this.buf.subarray(start, end);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.pos + n > this.buf.length) this.#newSlab(n);
  }

  byte(c: number): void {
    this.reserve(1);
    this.buf[this.pos++] = c;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.reserve(n);
    const buf = this.buf;
    const pos = this.pos;
    if (n > 32) buf.set(b, pos);
    else for (let i = 0; i < n; i++) buf[pos + i] = b[i] as number;
    this.pos = pos + n;
  }

  /** Constant bytes (see ByteRun). */
  run(r: ByteRun): void {
    const n = r.length;
    this.reserve(n);
    const view = this.view;
    const start = this.pos;
    let pos = start;
    const words = r.words;
    for (let i = 0; i < words.length; i++, pos += 4) view.setInt32(pos, words[i] as number, true);
    const buf = this.buf;
    const tail = r.tail;
    for (let i = 0; i < tail.length; i++) buf[pos + i] = tail[i] as number;
    this.pos = start + n;
  }

  /** Text known to be ASCII (numbers, base64, literals, pre-escaped names). */
  ascii(s: string): void {
    const n = s.length;
    this.reserve(n);
    const buf = this.buf;
    const pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos + i] = s.charCodeAt(i);
    this.pos = pos + n;
  }

  /** Any text, as UTF-8 without escaping (JSON already written as text). */
  text(s: string): void {
    this.reserve(s.length * 3);
    this.pos += (this.buf as unknown as NativeWrites).utf8Write(s, this.pos);
  }

  /** A safe integer in decimal (-0 as 0). */
  integer(v: number): void {
    this.reserve(17);
    const buf = this.buf;
    let pos = this.pos;
    if (v < 0) {
      buf[pos++] = 45;
      v = -v;
    }
    if (v < 4294967296) pos = digits(buf, this.view, pos, v);
    else {
      const high = Math.floor(v / 1e9);
      pos = digits(buf, this.view, pos, high);
      pos = paddedDigits(buf, this.view, pos, v - high * 1e9, 9);
    }
    this.pos = pos;
  }

  /**
   * A finite double as `javaDoubleToString` writes it. Values in its plain range with at most three
   * decimals (amounts, measurements) are written from their digits: m / 10^k === v, both exact, means
   * the decimal m·10^-k reads back as v, and no shorter decimal does (doubles there are far closer
   * together than 10^-3), so it is the shortest representation Java prints. Others take the long way.
   */
  double(v: number): void {
    const abs = Math.abs(v);
    if (abs >= 1e-3 && abs < 1e7) {
      for (let k = 0; k <= 3; k++) {
        const scale = POWERS_OF_TEN[k] as number;
        const m = Math.round(abs * scale);
        if (m / scale !== abs) continue;
        this.reserve(14);
        const buf = this.buf;
        let pos = this.pos;
        if (v < 0) buf[pos++] = 45;
        const whole = Math.floor(m / scale);
        pos = digits(buf, this.view, pos, whole);
        buf[pos++] = 46;
        pos = k === 0 ? digits(buf, this.view, pos, 0) : paddedDigits(buf, this.view, pos, m - whole * scale, k);
        this.pos = pos;
        return;
      }
    }
    this.ascii(javaDoubleToString(v));
  }

  /** A JSON string literal (see `quoteJsonString`). */
  string(s: string): void {
    const n = s.length;
    this.reserve(n * 6 + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 34;
    if (n >= NATIVE_COPY_LENGTH && PLAIN_ASCII.test(s)) {
      pos += (buf as unknown as NativeWrites).latin1Write(s, pos);
      buf[pos] = 34;
      this.pos = pos + 1;
      return;
    }
    // Plain ASCII first: four characters at a time (one store), then one at a time; the general
    // loop from the first character that is not plain ASCII.
    const view = this.view;
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const a = s.charCodeAt(i);
      const b = s.charCodeAt(i + 1);
      const c = s.charCodeAt(i + 2);
      const d = s.charCodeAt(i + 3);
      if ((a | b | c | d) >= 0x80 || ((PLAIN[a] as number) & (PLAIN[b] as number) & (PLAIN[c] as number) & (PLAIN[d] as number)) === 0) break;
      view.setInt32(pos + i, a | (b << 8) | (c << 16) | (d << 24), true);
    }
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || PLAIN[c] === 0) break;
      buf[pos + i] = c;
    }
    pos += i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 32 && c !== 34 && c !== 92) buf[pos++] = c;
        else pos = escape(buf, pos, c);
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        pos = escape(buf, pos, c);
      } else {
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    buf[pos] = 34;
    this.pos = pos + 1;
  }

  /** Moves the unfinished document to a new slab with room for `n` more bytes. */
  #newSlab(n: number): void {
    const length = this.pos - this.#start;
    const slab = Buffer.allocUnsafeSlow(Math.max(SLAB_SIZE, 2 * (length + n)));
    slab.set(this.buf.subarray(this.#start, this.pos));
    this.buf = slab;
    this.view = new DataView(slab.buffer, slab.byteOffset, slab.length);
    this.#start = 0;
    this.pos = length;
  }
}

/** The decimal digits of an integer in [0, 2^32). */
function digits(buf: Buffer, view: DataView, pos: number, v: number): number {
  const count = v < 1e5 ? (v < 100 ? (v < 10 ? 1 : 2) : v < 1e3 ? 3 : v < 1e4 ? 4 : 5) : v < 1e7 ? (v < 1e6 ? 6 : 7) : v < 1e8 ? 8 : v < 1e9 ? 9 : 10;
  return paddedDigits(buf, view, pos, v, count);
}

/** "00" … "99" as little-endian pairs of ASCII digits. */
const DIGIT_PAIRS = Uint16Array.from({ length: 100 }, (_, i) => (48 + Math.floor(i / 10)) | ((48 + (i % 10)) << 8));

/** The last `count` decimal digits of a non-negative integer below 2^53, with leading zeros; two at a time. */
function paddedDigits(buf: Buffer, view: DataView, pos: number, v: number, count: number): number {
  let i = pos + count;
  for (; i - pos >= 2; i -= 2) {
    const q = Math.floor(v / 100);
    view.setUint16(i - 2, DIGIT_PAIRS[v - q * 100] as number, true);
    v = q;
  }
  if (i > pos) buf[pos] = 48 + (v % 10);
  return pos + count;
}

/** `\"`, `\\`, \b \t \n \f \r, or `\uXXXX` (upper-case hex) for other control characters and surrogates. */
function escape(buf: Buffer, pos: number, c: number): number {
  buf[pos++] = 92;
  const short = c < 93 ? (SHORT_ESCAPES[c] as number) : 0;
  if (short !== 0) {
    buf[pos++] = short;
    return pos;
  }
  buf[pos++] = 117;
  buf[pos++] = HEX.charCodeAt(c >> 12);
  buf[pos++] = HEX.charCodeAt((c >> 8) & 15);
  buf[pos++] = HEX.charCodeAt((c >> 4) & 15);
  buf[pos++] = HEX.charCodeAt(c & 15);
  return pos;
}
