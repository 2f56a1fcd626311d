import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import { createOffsetTracker } from '#lib/runtime/source/offset-tracker';

function record(partition: Record<string, unknown> | null, offset: Record<string, unknown> | null): SourceRecord {
  return { topic: 't', kafkaPartition: null, keySchema: null, key: null, valueSchema: null, value: null, timestamp: null, headers: new ConnectHeaders(), sourcePartition: partition, sourceOffset: offset };
}

describe('the offset tracker', () => {
  it('keeps the last offset of each source partition, whatever the key order of the partition', () => {
    const tracker = createOffsetTracker();
    tracker.acknowledged([record({ f: 'a', n: 1 }, { p: 1 }), record({ f: 'b' }, { p: 7 }), record({ n: 1, f: 'a' }, { p: 2 })]);
    expect(tracker.pending()).toEqual([
      { partition: { n: 1, f: 'a' }, offset: { p: 2 } },
      { partition: { f: 'b' }, offset: { p: 7 } },
    ]);
  });

  it('keeps the last offset of each partition when records share partition objects, interleaved', () => {
    const tracker = createOffsetTracker();
    const a = { f: 'a' };
    const b = { f: 'b' };
    tracker.acknowledged([record(a, { p: 1 }), record(a, { p: 2 }), record(b, { p: 1 }), record(a, null), record(a, { p: 3 }), record(b, null)]);
    expect(tracker.pending()).toEqual([
      { partition: { f: 'a' }, offset: { p: 3 } },
      { partition: { f: 'b' }, offset: { p: 1 } },
    ]);
  });

  it('never commits records without a partition or an offset', () => {
    const tracker = createOffsetTracker();
    tracker.acknowledged([record(null, { p: 1 }), record({ f: 'a' }, null)]);
    expect(tracker.pending()).toEqual([]);
  });

  it('forgets committed entries but keeps offsets acknowledged after them', () => {
    const tracker = createOffsetTracker();
    tracker.acknowledged([record({ f: 'a' }, { p: 1 }), record({ f: 'b' }, { p: 1 })]);
    const committing = tracker.pending();
    tracker.acknowledged([record({ f: 'a' }, { p: 2 })]);
    tracker.committed(committing);
    expect(tracker.pending()).toEqual([{ partition: { f: 'a' }, offset: { p: 2 } }]);
  });
});
