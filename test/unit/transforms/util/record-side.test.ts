import { describe, expect, it } from 'vitest';
import { ConnectHeaders, Schema } from '#lib/data/index';
import { COPY_WITH_SIDES, type ConnectRecord, type CopiesWithSides, type SourceRecord } from '#lib/data/connect-record';
import type { Schema as SchemaType } from '#lib/data/schema';
import { KEY, VALUE } from '#lib/transforms/util/record-side';

class SelfCopyingRecord implements ConnectRecord, CopiesWithSides {
  readonly topic = 'orders';
  readonly kafkaPartition = 3;
  readonly timestamp = 5;
  constructor(
    readonly keySchema: SchemaType | null,
    readonly key: unknown,
    readonly valueSchema: SchemaType | null,
    readonly value: unknown,
    readonly headers: ConnectHeaders,
  ) {}

  [COPY_WITH_SIDES](keySchema: SchemaType | null, key: unknown, valueSchema: SchemaType | null, value: unknown, headers: ConnectHeaders): SelfCopyingRecord {
    return new SelfCopyingRecord(keySchema, key, valueSchema, value, headers);
  }
}

describe('record sides', () => {
  it('copy a plain record with a spread, keeping its subtype fields', () => {
    const record: SourceRecord = {
      topic: 't', kafkaPartition: null, keySchema: null, key: 'k', valueSchema: null, value: 'v', timestamp: null,
      headers: new ConnectHeaders(), sourcePartition: { p: 1 }, sourceOffset: { o: 2 },
    };

    expect(VALUE.update(record, Schema.STRING_SCHEMA, 'w')).toEqual({ ...record, valueSchema: Schema.STRING_SCHEMA, value: 'w' });
    expect(KEY.update(record, Schema.STRING_SCHEMA, 'j')).toEqual({ ...record, keySchema: Schema.STRING_SCHEMA, key: 'j' });
  });

  it('copy a record class that copies itself through its COPY_WITH_SIDES method', () => {
    const headers = new ConnectHeaders();
    const replaced = new ConnectHeaders().addString('h', 'x');
    const record = new SelfCopyingRecord(null, 'k', null, 'v', headers);

    const value = VALUE.update(record, Schema.STRING_SCHEMA, 'w');
    const key = KEY.update(record, Schema.STRING_SCHEMA, 'j', replaced);

    expect(value).toBeInstanceOf(SelfCopyingRecord);
    expect({ ...value }).toEqual({ ...record, valueSchema: Schema.STRING_SCHEMA, value: 'w' });
    expect(key).toBeInstanceOf(SelfCopyingRecord);
    expect({ ...key }).toEqual({ ...record, keySchema: Schema.STRING_SCHEMA, key: 'j', headers: replaced });
  });
});
