import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32c } from '#lib/kafka/crc32c';
import { CRC_SWAP, installFastCrc32c } from '#lib/kafka/kafkajs-crc32c';
import { useKafkajsOwn } from '#lib/kafka/kafkajs-swap';

const require = createRequire(import.meta.url);
/** kafkajs's own byte-wise implementation (the module our patch leaves untouched). */
const byteWise = require('kafkajs/src/protocol/recordBatch/crc32C/crc32C.js') as (bytes: Buffer) => number;

interface KafkajsEncoder {
  readonly buffer: Buffer;
}
type RecordBatchEncoder = (options: { records: KafkajsEncoder[] }) => Promise<KafkajsEncoder>;
type RecordEncoder = (options: { offsetDelta: number; key: Buffer; value: Buffer; headers: Record<string, Buffer> }) => KafkajsEncoder;

const filled = (length: number, byte: (i: number) => number): Buffer => Buffer.from(Array.from({ length }, (_, i) => byte(i)));

describe('crc32c', () => {
  // RFC 3720 (iSCSI) appendix B.4, CRC as the unsigned value of the little-endian bytes shown there.
  it('gives the RFC 3720 B.4 checksum of 32 bytes of zeros', () => {
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  });

  it('gives the RFC 3720 B.4 checksum of 32 bytes of ones', () => {
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
  });

  it('gives the RFC 3720 B.4 checksum of 32 incrementing bytes', () => {
    expect(crc32c(filled(32, (i) => i))).toBe(0x46dd794e);
  });

  it('gives the RFC 3720 B.4 checksum of 32 decrementing bytes', () => {
    expect(crc32c(filled(32, (i) => 31 - i))).toBe(0x113fdb5c);
  });

  it('gives the RFC 3720 B.4 checksum of the iSCSI read PDU', () => {
    const pdu = Buffer.from('01c00000000000000000000000000000' + '14000000000004000000001400000018' + '28000000000000000200000000000000', 'hex');
    expect(crc32c(pdu)).toBe(0xd9963a56);
  });

  it('gives the check value of "123456789" and 0 for no bytes', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with kafkajs for any bytes, at any offset into a larger buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), (bytes, skip) => {
        const view = Buffer.concat([Buffer.alloc(skip, 0xa5), bytes]).subarray(skip);
        expect(crc32c(view)).toBe(byteWise(view));
      }),
      { numRuns: 500 },
    );
  });

  it('continues a checksum from a seed as one pass over both parts would', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), (a, b) => {
        expect(crc32c(b, crc32c(a))).toBe(crc32c(Buffer.concat([a, b])));
      }),
    );
  });
});

describe('installFastCrc32c', () => {
  it("gives kafkajs's record batches the checksum kafkajs would have written", async () => {
    expect(installFastCrc32c()).toBe(true);
    const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: RecordBatchEncoder };
    const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as RecordEncoder;
    const records = Array.from({ length: 20 }, (_, i) => Record({ offsetDelta: i, key: Buffer.from(`k${i}`), value: Buffer.alloc(100 + i, i), headers: { h: Buffer.from('v') } }));

    const batch = (await RecordBatch({ records })).buffer;

    // firstOffset int64, length int32, partitionLeaderEpoch int32, magic int8, then the CRC of the rest
    expect(batch.readUInt32BE(17)).toBe(byteWise(batch.subarray(21)));
  });

  it("computes the same checksums with ours as with kafkajs's own", () => {
    installFastCrc32c();
    const samples = Array.from({ length: 20 }, (_, i) => Buffer.alloc(i * 13, i));
    // What kafkajs's record-batch encoder calls: the module's export.
    const sums = (): number[] => samples.map((bytes) => (require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (b: Buffer) => number)(bytes));

    useKafkajsOwn(CRC_SWAP, true);
    const theirs = sums();
    useKafkajsOwn(CRC_SWAP, false);

    expect(sums()).toEqual(theirs);
    expect(theirs).toEqual(samples.map(byteWise));
  });
});
