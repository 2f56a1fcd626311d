/**
 * The body of a Produce request (v3–v7: one layout) encoded in one pass into one Buffer: the bytes
 * kafkajs 2.2.x's `protocol/requests/produce/v3/request.js` writes for uncompressed record batches
 * (magic 2), including its choices (the batch's first and max timestamps are the least and greatest of
 * the records' timestamps in JavaScript's default sort order; a record without a timestamp is stamped
 * with one `Date.now()` per partition). kafkajs builds a fresh zero-filled Encoder per record and per
 * header, grows and copies them into the batch, then the batch into the request: about half of a
 * producer's CPU. Here the sizes are computed first, one Buffer is allocated, and the records are
 * written into it directly; the CRC-32C covers the batch in place.
 *
 * `encodeProduceRequest` returns undefined for anything off this path (compression, keys, values or
 * headers that are neither Buffers nor strings, timestamps that are not canonical non-negative
 * integers, deltas beyond 2^50): the caller then uses kafkajs's own encoder, which gives those
 * inputs its own bytes or errors. test/unit/kafka/produce-request-encoder.test.ts holds both encoders
 * to byte equality on generated requests.
 */
import { crc32c } from './crc32c';
import { NULL_HEADER_VALUE } from './kafkajs-null-header';

type Bytes = Buffer | string | null | undefined;
type HeaderValue = Buffer | string | readonly (Buffer | string)[];

export interface ProduceMessage {
  readonly key?: unknown;
  readonly value?: unknown;
  readonly timestamp?: unknown;
  readonly headers?: unknown;
}

export interface ProducePartitionData {
  readonly partition: number;
  readonly firstSequence?: number;
  readonly messages: readonly ProduceMessage[];
}

export interface ProduceRequestArgs {
  readonly acks: number;
  readonly timeout: number;
  readonly transactionalId?: string | null;
  /** A decimal string (kafkajs's eosManager), kafkajs's Long, a bigint or a number; -1 when not idempotent. */
  readonly producerId?: unknown;
  readonly producerEpoch?: number;
  /** kafkajs's CompressionTypes; only None (0) is encoded here. */
  readonly compression?: number;
  readonly topicData: readonly { readonly topic: string; readonly partitions: readonly ProducePartitionData[] }[];
}

const MAGIC = 2;
const TRANSACTIONAL = 16;
/** Beyond this, a delta's zig-zag form is not exact in a double: kafkajs's encoder takes such a batch. */
const MAX_DELTA = 2 ** 50;
/** firstOffset int64, length int32, partitionLeaderEpoch int32, magic int8, crc uint32. */
const BATCH_PREFIX = 21;
/** attributes int16, lastOffsetDelta int32, first/max timestamp int64, producerId int64, epoch int16, firstSequence int32, count int32. */
const BATCH_BODY_HEADER = 40;

/** One partition's batch as planned in the first pass. */
interface PlannedBatch {
  readonly partition: PlannedPartition;
  /** Record body sizes, in message order. */
  readonly bodySizes: number[];
  readonly firstTimestamp: number;
  readonly maxTimestamp: number;
  /** The stamp for messages without a timestamp (kafkajs: `message.timestamp || Date.now()`). */
  readonly now: number;
  /** The batch's bytes from firstOffset on. */
  readonly size: number;
}
type PlannedPartition = ProducePartitionData;

export function encodeProduceRequest(args: ProduceRequestArgs, now: () => number = Date.now): Buffer | undefined {
  if ((args.compression ?? 0) !== 0) return undefined;
  const producerId = int64(args.producerId ?? -1n);
  if (producerId === undefined) return undefined;
  const transactionalId = args.transactionalId ?? null;
  let size = stringSize(transactionalId) + 2 + 4 + 4;
  const topics: { name: string; batches: PlannedBatch[] }[] = [];
  for (const { topic, partitions } of args.topicData) {
    if (typeof topic !== 'string') return undefined;
    size += stringSize(topic) + 4;
    const batches: PlannedBatch[] = [];
    for (const partition of partitions) {
      const batch = planBatch(partition, now);
      if (batch === undefined) return undefined;
      size += 8 + batch.size;
      batches.push(batch);
    }
    topics.push({ name: topic, batches });
  }

  const buf = Buffer.allocUnsafe(size);
  let at = writeString(buf, 0, transactionalId);
  at = buf.writeInt16BE(args.acks, at);
  at = buf.writeInt32BE(args.timeout, at);
  at = buf.writeInt32BE(topics.length, at);
  // kafkajs: `transactional: !!transactionalId`.
  const attributes = transactionalId === null || transactionalId === '' ? 0 : TRANSACTIONAL;
  for (const { name, batches } of topics) {
    at = writeString(buf, at, name);
    at = buf.writeInt32BE(batches.length, at);
    for (const batch of batches) at = writeBatch(buf, at, batch, attributes, producerId, args.producerEpoch ?? 0);
  }
  if (at !== size) throw new Error(`Produce request encoder wrote ${at} of ${size} bytes`);
  return buf;
}

function planBatch(partition: ProducePartitionData, now: () => number): PlannedBatch | undefined {
  const { messages } = partition;
  let first: string | undefined;
  let max: string | undefined;
  for (const message of messages) {
    const stamp = timestampText(message.timestamp);
    if (stamp === undefined) return undefined;
    if (stamp === null) continue;
    // Array.prototype.sort's default order: strings compared by UTF-16 code units.
    if (first === undefined || stamp < first) first = stamp;
    if (max === undefined || stamp > max) max = stamp;
  }
  const stampedNow = now();
  const firstTimestamp = first === undefined ? stampedNow : Number(first);
  const maxTimestamp = max === undefined ? stampedNow : Number(max);
  const bodySizes: number[] = new Array<number>(messages.length);
  let recordsSize = 0;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as ProduceMessage;
    const delta = timestampOf(message.timestamp, stampedNow) - firstTimestamp;
    if (!(Math.abs(delta) <= MAX_DELTA)) return undefined;
    const key = bytesSize(message.key);
    const value = bytesSize(message.value);
    const headers = headersSize(message.headers);
    if (key === undefined || value === undefined || headers === undefined) return undefined;
    const body = 1 + varLongSize(delta) + varIntSize(i) + key + value + headers;
    bodySizes[i] = body;
    recordsSize += varIntSize(body) + body;
  }
  return { partition, bodySizes, firstTimestamp, maxTimestamp, now: stampedNow, size: BATCH_PREFIX + BATCH_BODY_HEADER + recordsSize };
}

function writeBatch(buf: Buffer, start: number, batch: PlannedBatch, attributes: number, producerId: bigint, producerEpoch: number): number {
  const { partition, bodySizes, firstTimestamp, maxTimestamp } = batch;
  const { messages } = partition;
  let at = buf.writeInt32BE(partition.partition, start);
  at = buf.writeInt32BE(batch.size, at);
  at = buf.writeBigInt64BE(0n, at); // firstOffset
  at = buf.writeInt32BE(batch.size - 12, at); // length: the bytes after this field
  at = buf.writeInt32BE(0, at); // partitionLeaderEpoch
  at = buf.writeInt8(MAGIC, at);
  const crcAt = at;
  at += 4;
  const crcFrom = at;
  at = buf.writeInt16BE(attributes, at);
  at = buf.writeInt32BE(messages.length - 1, at);
  at = writeInt64(buf, at, firstTimestamp);
  at = writeInt64(buf, at, maxTimestamp);
  at = buf.writeBigInt64BE(producerId, at);
  at = buf.writeInt16BE(producerEpoch, at);
  at = buf.writeInt32BE(partition.firstSequence ?? 0, at);
  at = buf.writeInt32BE(messages.length, at);
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as ProduceMessage;
    at = writeVarInt(buf, at, bodySizes[i] as number);
    buf[at++] = 0; // attributes
    at = writeVarLong(buf, at, timestampOf(message.timestamp, batch.now) - firstTimestamp);
    at = writeVarInt(buf, at, i);
    at = writeBytes(buf, at, message.key as Bytes);
    at = writeBytes(buf, at, message.value as Bytes);
    at = writeHeaders(buf, at, message.headers as Readonly<Record<string, HeaderValue>> | undefined);
  }
  buf.writeUInt32BE(crc32c(buf.subarray(crcFrom, at)), crcAt);
  return at;
}

/**
 * A timestamp as kafkajs sorts it (its string form), null for none, undefined when kafkajs's own
 * encoder should take the batch: only canonical non-negative safe integers, as numbers or strings.
 */
function timestampText(timestamp: unknown): string | null | undefined {
  if (timestamp === null || timestamp === undefined) return null;
  if (typeof timestamp === 'string') {
    const n = Number(timestamp);
    return Number.isSafeInteger(n) && n >= 0 && String(n) === timestamp ? timestamp : undefined;
  }
  if (typeof timestamp === 'number') return Number.isSafeInteger(timestamp) && timestamp >= 0 ? String(timestamp) : undefined;
  return undefined;
}

/** kafkajs: `(message.timestamp || dateNow)`, with a validated timestamp. */
function timestampOf(timestamp: unknown, now: number): number {
  return timestamp === null || timestamp === undefined || timestamp === 0 || timestamp === '' ? now : Number(timestamp);
}

function int64(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  // kafkajs keeps the id InitProducerId gave as a decimal string.
  if (typeof value === 'string') return /^-?\d{1,19}$/.test(value) ? BigInt.asIntN(64, BigInt(value)) : undefined;
  // kafkajs's Long holds a BigInt in `value`.
  const held = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : undefined;
  return typeof held === 'bigint' ? BigInt.asIntN(64, held) : undefined;
}

function stringSize(value: string | null): number {
  return value === null ? 2 : 2 + Buffer.byteLength(value, 'utf8');
}

function writeString(buf: Buffer, at: number, value: string | null): number {
  if (value === null) return buf.writeInt16BE(-1, at);
  const length = buf.write(value, at + 2, 'utf8');
  buf.writeInt16BE(length, at);
  return at + 2 + length;
}

/** A varint-length-prefixed key or value, or undefined for a type kafkajs would not write as such. */
function bytesSize(value: unknown): number | undefined {
  if (value === null || value === undefined) return 1;
  let length: number;
  if (Buffer.isBuffer(value)) length = value.length;
  else if (typeof value === 'string') length = Buffer.byteLength(value, 'utf8');
  else return undefined;
  return varIntSize(length) + length;
}

function writeBytes(buf: Buffer, at: number, value: Bytes): number {
  if (value === null || value === undefined) return writeVarInt(buf, at, -1);
  if (typeof value === 'string') {
    const length = Buffer.byteLength(value, 'utf8');
    at = writeVarInt(buf, at, length);
    return at + buf.write(value, at, 'utf8');
  }
  at = writeVarInt(buf, at, value.length);
  buf.set(value, at);
  return at + value.length;
}

/** kafkajs's headers object: one header per key, or per element of an array, in Object.keys order. */
function headersSize(headers: unknown): number | undefined {
  if (headers === undefined) return 1;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const object = headers as Readonly<Record<string, unknown>>;
  let count = 0;
  let size = 0;
  for (const key of Object.keys(object)) {
    const keyLength = Buffer.byteLength(key, 'utf8');
    const keySize = varIntSize(keyLength) + keyLength;
    const value = object[key];
    if (Array.isArray(value)) {
      for (const element of value as unknown[]) {
        const valueSize = headerValueSize(element);
        if (valueSize === undefined) return undefined;
        size += keySize + valueSize;
        count++;
      }
    } else {
      const valueSize = headerValueSize(value);
      if (valueSize === undefined) return undefined;
      size += keySize + valueSize;
      count++;
    }
  }
  return varIntSize(count) + size;
}

function headerValueSize(value: unknown): number | undefined {
  if (value === NULL_HEADER_VALUE) return 1;
  // kafkajs sizes header values with Buffer.byteLength, which throws on null and undefined.
  if (value === null || value === undefined) return undefined;
  return bytesSize(value);
}

function writeHeaders(buf: Buffer, at: number, headers: Readonly<Record<string, HeaderValue>> | undefined): number {
  if (headers === undefined) return writeVarInt(buf, at, 0);
  const keys = Object.keys(headers);
  let count = 0;
  for (const key of keys) {
    const value = headers[key] as HeaderValue;
    count += Array.isArray(value) ? value.length : 1;
  }
  at = writeVarInt(buf, at, count);
  for (const key of keys) {
    const value = headers[key] as HeaderValue;
    if (Array.isArray(value)) {
      for (const element of value as readonly (Buffer | string)[]) at = writeHeader(buf, at, key, element);
    } else {
      at = writeHeader(buf, at, key, value as Buffer | string);
    }
  }
  return at;
}

function writeHeader(buf: Buffer, at: number, key: string, value: Buffer | string): number {
  at = writeBytes(buf, at, key);
  return writeBytes(buf, at, value === NULL_HEADER_VALUE ? null : value);
}

function writeInt64(buf: Buffer, at: number, value: number): number {
  return buf.writeBigInt64BE(BigInt(value), at);
}

/** Zig-zag varint of a 32-bit signed integer (Kafka's varint). */
function varIntSize(value: number): number {
  let zigzag = ((value << 1) ^ (value >> 31)) >>> 0;
  let size = 1;
  while (zigzag >= 0x80) {
    zigzag >>>= 7;
    size++;
  }
  return size;
}

function writeVarInt(buf: Buffer, at: number, value: number): number {
  let zigzag = ((value << 1) ^ (value >> 31)) >>> 0;
  while (zigzag >= 0x80) {
    buf[at++] = (zigzag & 0x7f) | 0x80;
    zigzag >>>= 7;
  }
  buf[at++] = zigzag;
  return at;
}

/** Zig-zag varlong of |value| ≤ 2^50, exact in doubles. */
function varLongSize(value: number): number {
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
  let size = 1;
  while (zigzag >= 0x80) {
    zigzag = Math.floor(zigzag / 0x80);
    size++;
  }
  return size;
}

function writeVarLong(buf: Buffer, at: number, value: number): number {
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
  while (zigzag >= 0x80) {
    buf[at++] = (zigzag % 0x80) | 0x80;
    zigzag = Math.floor(zigzag / 0x80);
  }
  buf[at++] = zigzag;
  return at;
}
