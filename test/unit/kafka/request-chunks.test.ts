import { describe, expect, it } from 'vitest';
import type { ProducerRecord } from '#lib/kafka/producer-port';
import { RECORD_BATCH_OVERHEAD, estimatedRecordSize, splitIntoRequests } from '#lib/kafka/request-chunks';

const record = (valueBytes: number): ProducerRecord => ({ topic: 't', key: null, value: new Uint8Array(valueBytes), headers: [] });

describe('splitIntoRequests', () => {
  it('keeps a send that fits in one request whole', () => {
    const records = [record(100), record(100)];

    expect(splitIntoRequests(records, 1_048_576)).toEqual([records]);
  });

  it('starts a new request when the next record would exceed max.request.size, keeping order', () => {
    const records = Array.from({ length: 5 }, () => record(100));
    const perRecord = estimatedRecordSize(records[0] as ProducerRecord);

    const chunks = splitIntoRequests(records, RECORD_BATCH_OVERHEAD + 2 * perRecord);

    expect(chunks.map((c) => c.length)).toEqual([2, 2, 1]);
    expect(chunks.flat()).toEqual(records);
  });

  it('rejects a record larger than max.request.size, not retriable, before anything is sent', () => {
    expect(() => splitIntoRequests([record(10), record(2000)], 1000)).toThrowError(expect.objectContaining({ retriable: false, reason: 'RECORD_TOO_LARGE' }));
  });

  it('counts keys, values and headers in the estimate', () => {
    const bare = estimatedRecordSize(record(0));
    const full = estimatedRecordSize({ topic: 't', key: new Uint8Array(3), value: new Uint8Array(5), headers: [{ key: 'héé', value: new Uint8Array(7) }, { key: 'n', value: null }] });

    expect(full - bare).toBe(3 + 5 + (10 + 5 + 7) + (10 + 1));
  });
});
