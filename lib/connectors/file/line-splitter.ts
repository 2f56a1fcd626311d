/**
 * The line splitting of Kafka's FileStreamSourceTask (`extractLine`), over bytes: a line ends at
 * `\n`, `\r\n` or `\r`; a `\r` that is the last byte read so far waits for the next byte (it may
 * start `\r\n`); bytes after the last terminator stay pending until more data arrives. Lines are
 * decoded as UTF-8 (malformed bytes become U+FFFD, as Java's decoder does).
 *
 * Positions are byte offsets in the stream. Kafka counts UTF-16 chars instead and skips that many
 * bytes on restart, which only agrees for ASCII; byte offsets resume correctly for any content.
 */
const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  #buffer: Buffer = Buffer.alloc(0);
  /** First unconsumed byte of #buffer. */
  #start = 0;
  #position: number;

  /** `position`: the stream offset of the first byte that will be appended. */
  constructor(position: number) {
    this.#position = position;
  }

  /** The stream offset just after the last line returned (where a restart should resume). */
  get position(): number {
    return this.#position;
  }

  append(chunk: Buffer): void {
    const rest = this.#buffer.subarray(this.#start);
    this.#buffer = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    this.#start = 0;
  }

  /** The next complete line without its terminator, or null until more bytes arrive. */
  nextLine(): string | null {
    const buffer = this.#buffer;
    for (let i = this.#start; i < buffer.length; i++) {
      const byte = buffer[i];
      if (byte === LF) return this.#take(i, i + 1);
      if (byte === CR) {
        if (i + 1 >= buffer.length) return null;
        return this.#take(i, buffer[i + 1] === LF ? i + 2 : i + 1);
      }
    }
    return null;
  }

  #take(end: number, next: number): string {
    const line = this.#buffer.toString('utf8', this.#start, end);
    this.#position += next - this.#start;
    this.#start = next;
    return line;
  }
}
