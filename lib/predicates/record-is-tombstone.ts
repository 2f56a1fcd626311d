/** `org.apache.kafka.connect.transforms.predicates.RecordIsTombstone`: true for records whose value is null. */
import type { ConnectRecord } from '#lib/data/connect-record';
import { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Predicate } from './predicate';
import { PREDICATES_PACKAGE, predicateDescriptor } from './predicate-descriptor';

export const RECORD_IS_TOMBSTONE_CLASS = `${PREDICATES_PACKAGE}.RecordIsTombstone`;

export const RECORD_IS_TOMBSTONE_OVERVIEW = 'A predicate which is true for records which are tombstones (i.e. have null value).';

export function recordIsTombstoneConfigDef(): ConfigDef {
  return new ConfigDef();
}

export class RecordIsTombstone<R extends ConnectRecord = ConnectRecord> implements Predicate<R> {
  configure(): void {}

  test(record: R): boolean {
    return record.value === null || record.value === undefined;
  }

  config(): ConfigDef {
    return recordIsTombstoneConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  toString(): string {
    return 'RecordIsTombstone{}';
  }
}

export const recordIsTombstoneDescriptor = predicateDescriptor(RECORD_IS_TOMBSTONE_CLASS, recordIsTombstoneConfigDef, () => new RecordIsTombstone());
