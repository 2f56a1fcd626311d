import { describe, expect, it } from 'vitest';
import { RecordIsTombstone } from '#lib/predicates/record-is-tombstone';
import { configured, sourceRecord } from '../transforms/records';

describe('RecordIsTombstone', () => {
  it('is true for a null value', () => {
    expect(configured(new RecordIsTombstone()).test(sourceRecord({ key: 'k', value: null }))).toBe(true);
  });

  it('is false for any other value', () => {
    expect(configured(new RecordIsTombstone()).test(sourceRecord({ value: '' }))).toBe(false);
  });
});
