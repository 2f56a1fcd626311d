/**
 * The part of a record a `$Key` / `$Value` transformation works on (Kafka's `operatingSchema`,
 * `operatingValue` and `newRecord` overrides), as two shared objects instead of subclasses.
 */
import type { ConnectHeaders } from '#lib/data/connect-headers';
import { COPY_WITH_SIDES, type ConnectRecord, type CopiesWithSides } from '#lib/data/connect-record';
import type { Schema } from '#lib/data/schema';

export interface RecordSide {
  /** `Key` or `Value`: the nested class name Kafka gives the variant. */
  readonly name: 'Key' | 'Value';
  schema(record: ConnectRecord): Schema | null;
  value(record: ConnectRecord): unknown;
  /** The record with this side replaced (and the headers, when given); everything else is kept. */
  update<R extends ConnectRecord>(record: R, schema: Schema | null, value: unknown, headers?: ConnectHeaders): R;
}

export const KEY: RecordSide = Object.freeze({
  name: 'Key',
  schema: (record: ConnectRecord) => record.keySchema,
  value: (record: ConnectRecord) => record.key,
  update<R extends ConnectRecord>(record: R, keySchema: Schema | null, key: unknown, headers?: ConnectHeaders): R {
    const copy = copierOf(record);
    if (copy !== undefined) return copy.call(record, keySchema, key, record.valueSchema, record.value, headers ?? record.headers) as R;
    return headers === undefined ? { ...record, keySchema, key } : { ...record, keySchema, key, headers };
  },
});

export const VALUE: RecordSide = Object.freeze({
  name: 'Value',
  schema: (record: ConnectRecord) => record.valueSchema,
  value: (record: ConnectRecord) => record.value,
  update<R extends ConnectRecord>(record: R, valueSchema: Schema | null, value: unknown, headers?: ConnectHeaders): R {
    const copy = copierOf(record);
    if (copy !== undefined) return copy.call(record, record.keySchema, record.key, valueSchema, value, headers ?? record.headers) as R;
    return headers === undefined ? { ...record, valueSchema, value } : { ...record, valueSchema, value, headers };
  },
});

/**
 * The record's own copy method, if its class has one (see COPY_WITH_SIDES): a spread of a class
 * instance with a symbol-keyed field (InternalSinkRecord) takes V8's slow path and allocates more
 * than twice the record's size.
 */
function copierOf(record: ConnectRecord): CopiesWithSides[typeof COPY_WITH_SIDES] | undefined {
  return (record as Partial<CopiesWithSides>)[COPY_WITH_SIDES];
}
