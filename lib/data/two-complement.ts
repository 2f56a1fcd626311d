/**
 * Big-endian two's-complement byte encodings of big integers, as Java's `BigInteger.toByteArray()`
 * writes them (minimal length, at least one byte) and `new BigInteger(byte[])` reads them.
 */
export function bigIntToBytes(value: bigint): Uint8Array {
  let length = 1;
  while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) length++;
  let rest = value < 0n ? value + (1n << BigInt(8 * length)) : value;
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** Reads a big-endian two's-complement integer; the caller rejects empty input. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const first = bytes[0] ?? 0;
  return first & 0x80 ? value - (1n << BigInt(8 * bytes.length)) : value;
}
