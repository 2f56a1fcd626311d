import { DataError } from '#lib/errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const WHITESPACE = /[\t\n\r ]/g;

/** Standard base64 with padding, as Jackson writes binary values. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes base64 as Jackson's default variant reads it (standard alphabet, padding required, whitespace
 * between quads ignored); anything else is a DataError instead of Buffer's silent truncation.
 */
export function decodeBase64(text: string): Uint8Array {
  const compact = text.includes(' ') || text.includes('\n') || text.includes('\r') || text.includes('\t') ? text.replace(WHITESPACE, '') : text;
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new DataError(`Cannot access contents of TextNode as binary due to broken Base64 encoding: ${text}`);
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
