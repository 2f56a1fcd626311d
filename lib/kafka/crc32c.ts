/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of Kafka's record batch v2.
 * Slicing-by-8: eight bytes per step through eight 256-entry tables instead of one table lookup
 * per byte, with the same results as the byte-wise algorithm (RFC 3720 B.4 vectors in the tests).
 */
const POLYNOMIAL = 0x82f63b78;

/** TABLES[k * 256 + b]: the CRC of byte b followed by k zero bytes. */
const TABLES = buildTables();

function buildTables(): Int32Array {
  const tables = new Int32Array(8 * 256);
  for (let b = 0; b < 256; b++) {
    let c = b;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
    tables[b] = c;
  }
  for (let k = 1; k < 8; k++) {
    for (let b = 0; b < 256; b++) {
      const previous = tables[(k - 1) * 256 + b]!;
      tables[k * 256 + b] = tables[previous & 0xff]! ^ (previous >>> 8);
    }
  }
  return tables;
}

/** The CRC-32C of `bytes` as an unsigned 32-bit integer; `seed` continues an earlier CRC. */
export function crc32c(bytes: Uint8Array, seed = 0): number {
  const t = TABLES;
  const n = bytes.length;
  let crc = ~seed;
  let i = 0;
  for (const end = n - 7; i < end; i += 8) {
    const low = crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    crc =
      t[1792 + (low & 0xff)]! ^
      t[1536 + ((low >>> 8) & 0xff)]! ^
      t[1280 + ((low >>> 16) & 0xff)]! ^
      t[1024 + (low >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < n; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
