import { describe, expect, it } from 'vitest';
import { Filter, filterConfigDef } from '#lib/transforms/filter';
import { configured, sinkRecord } from './records';

describe('Filter', () => {
  it('drops every record', () => {
    expect(configured(new Filter()).apply(sinkRecord({ value: 'x' }))).toBeNull();
  });

  it('has no config keys', () => {
    expect(filterConfigDef().names()).toEqual([]);
  });
});
