import { describe, expect, it } from 'vitest';
import { ByteRun } from '#lib/converters/json/byte-run';
import { JsonByteWriter } from '#lib/converters/json/json-byte-writer';

describe('ByteRun', () => {
  it.each(['', 'n', 'nu', 'nul', 'null', 'false', ',"customer":', '{"naïve 😀":'])('is written byte for byte at any offset (%j)', (text) => {
    const run = ByteRun.of(text);
    for (let offset = 0; offset < 5; offset++) {
      const w = new JsonByteWriter();
      w.begin();
      w.ascii('-'.repeat(offset));
      w.run(run);
      w.run(run);
      expect(Buffer.from(w.finish())).toEqual(Buffer.from('-'.repeat(offset) + text + text, 'utf8'));
    }
  });

  it('splits its bytes into little-endian words and a tail', () => {
    const run = new ByteRun(Uint8Array.of(1, 2, 3, 4, 5, 6));
    expect([run.length, [...run.words], [...run.tail]]).toEqual([6, [0x04030201], [5, 6]]);
  });

  it('is written intact across the end of a slab', () => {
    const run = ByteRun.of(',"a_long_field_name":');
    const w = new JsonByteWriter();
    const docs: Buffer[] = [];
    // Documents of 512 bytes or more stay in the slab, so the writer reaches its end at every offset mod 4.
    const text = (i: number) => 'x'.repeat(600 + (i % 7));
    for (let i = 0; i < 1000; i++) {
      w.begin();
      w.ascii(text(i));
      w.run(run);
      docs.push(w.finish());
    }
    docs.forEach((doc, i) => expect(doc.toString()).toBe(`${text(i)},"a_long_field_name":`));
  });
});
