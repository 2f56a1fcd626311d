/**
 * Null header values through kafkajs 2.2.x. Kafka allows a header whose value is null (length -1
 * on the wire), but kafkajs's record encoder sizes every header value with `Buffer.byteLength`,
 * which throws on null. We therefore hand kafkajs one sentinel empty Buffer for a null value, and
 * wrap the encoder's `writeVarIntBytes`, once per process, to write that exact object as null.
 * Sizes agree: an empty value and a null value are both one varint byte. Any other value,
 * including other empty Buffers, is encoded as before.
 */
import Encoder from 'kafkajs/src/protocol/encoder.js';

const INSTALLED = Symbol.for('lambda-connect.kafkajs.null-header-value');
const SENTINEL = Symbol.for('lambda-connect.kafkajs.null-header-value.sentinel');

type Holder = { [SENTINEL]?: Buffer };
const holder = globalThis as Holder;

/** The Buffer that stands for a null header value (shared by every copy of this module). */
export const NULL_HEADER_VALUE: Buffer = (holder[SENTINEL] ??= Buffer.alloc(0));

export function installNullHeaderValues(): void {
  const proto = Encoder.prototype;
  if (proto[INSTALLED] === true) return;
  const original = proto.writeVarIntBytes;
  if (typeof original !== 'function') throw new Error('kafkajs has no Encoder.prototype.writeVarIntBytes to patch: check the kafkajs version');
  proto.writeVarIntBytes = function writeVarIntBytes(value) {
    return original.call(this, value === NULL_HEADER_VALUE ? null : value);
  };
  proto[INSTALLED] = true;
}
