/** kafkajs's Encoder over bytes we wrote: kafkajs's framing and socket code take Encoders (they check `buf`, read `buffer`). */
import Encoder from 'kafkajs/src/protocol/encoder.js';

export type KafkajsEncoder = InstanceType<typeof Encoder>;

export function asKafkajsEncoder(bytes: Buffer): KafkajsEncoder {
  const encoder = new Encoder(0);
  encoder.buf = bytes;
  encoder.offset = bytes.length;
  return encoder;
}
