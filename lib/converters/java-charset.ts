import { ConfigException } from '#lib/plugin/config-exception';
import { asBuffer, latin1 } from './buffer-text';

/** Encodes and decodes strings like a Java Charset (unmappable characters become '?', malformed bytes U+FFFD). */
export interface JavaCharset {
  readonly name: string;
  encode(text: string): Uint8Array;
  decode(bytes: Uint8Array): string;
}

const utf8Decoder = new TextDecoder('utf-8');
const utf16leDecoder = new TextDecoder('utf-16le');
const utf16beDecoder = new TextDecoder('utf-16be');
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function singleByte(name: string, max: number): JavaCharset {
  return {
    name,
    encode: (text) => Uint8Array.from(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '?'), (c) => (c.charCodeAt(0) <= max ? c.charCodeAt(0) : 63)),
    decode: (bytes) => String.fromCharCode(...Array.from(bytes, (b) => (b <= max ? b : 0xfffd))),
  };
}

function utf16(name: string, littleEndian: boolean, bom: boolean): JavaCharset {
  return {
    name,
    encode(text) {
      const body = Buffer.from(text, 'utf16le');
      if (!littleEndian) body.swap16();
      return bom ? Buffer.concat([Uint8Array.of(0xfe, 0xff), body]) : body;
    },
    decode(bytes) {
      if (bom && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16leDecoder.decode(bytes.subarray(2));
      if (bom && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16beDecoder.decode(bytes.subarray(2));
      return (littleEndian ? utf16leDecoder : utf16beDecoder).decode(bytes);
    },
  };
}

const UTF_8: JavaCharset = {
  name: 'UTF-8',
  // Java encodes an unpaired surrogate as '?', where TextEncoder would write U+FFFD. (The quick
  // surrogate test skips the replace for most strings.)
  encode: (text) => Buffer.from(SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '?') : text, 'utf8'),
  // Short ASCII (keys, ids) decodes as latin1, cheaper than a TextDecoder call.
  decode: (bytes) => (isShortAscii(bytes) ? latin1(asBuffer(bytes), 0, bytes.length) : utf8Decoder.decode(bytes)),
};

const SHORT = 64;

function isShortAscii(bytes: Uint8Array): boolean {
  if (bytes.length > SHORT) return false;
  let any = 0;
  for (let i = 0; i < bytes.length; i++) any |= bytes[i] as number;
  return any < 0x80;
}

const CHARSETS: ReadonlyMap<string, JavaCharset> = new Map([
  ...['utf-8', 'utf8', 'unicode-1-1-utf-8'].map((n) => [n, UTF_8] as const),
  ...['iso-8859-1', 'iso8859_1', 'iso_8859_1', 'iso8859-1', 'latin1', 'l1', 'cp819', 'ibm819', 'iso_8859-1'].map((n) => [n, singleByte('ISO-8859-1', 0xff)] as const),
  ...['us-ascii', 'ascii', 'iso646-us', 'ascii7', 'default', 'cp367', 'ibm367'].map((n) => [n, singleByte('US-ASCII', 0x7f)] as const),
  ...['utf-16', 'utf_16', 'utf16', 'unicode'].map((n) => [n, utf16('UTF-16', false, true)] as const),
  ...['utf-16be', 'utf_16be', 'iso-10646-ucs-2', 'x-utf-16be', 'unicodebigunmarked'].map((n) => [n, utf16('UTF-16BE', false, false)] as const),
  ...['utf-16le', 'utf_16le', 'x-utf-16le', 'unicodelittleunmarked'].map((n) => [n, utf16('UTF-16LE', true, false)] as const),
]);

/** The charset of a Java charset name or alias (case-insensitive); "Unsupported encoding X" otherwise. */
export function javaCharset(name: string): JavaCharset {
  const charset = CHARSETS.get(name.trim().toLowerCase());
  if (charset === undefined) throw new ConfigException(`Unsupported encoding ${name}`);
  return charset;
}
