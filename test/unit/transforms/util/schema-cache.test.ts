import { describe, expect, it } from 'vitest';
import { SchemaBuilder } from '#lib/data/index';
import { SchemaCache } from '#lib/transforms/util/schema-cache';

const schemas = Array.from({ length: 4 }, (_, i) => SchemaBuilder.struct().name(`s${i}`).build());

describe('SchemaCache', () => {
  it('builds once per input schema', () => {
    const cache = new SchemaCache<string>();
    let builds = 0;
    const build = () => `built ${++builds}`;

    expect([cache.getOrBuild(schemas[0]!, build), cache.getOrBuild(schemas[0]!, build), builds]).toEqual(['built 1', 'built 1', 1]);
  });

  it('keys by identity: an equal but distinct schema is built again', () => {
    const cache = new SchemaCache<number>();
    let builds = 0;

    cache.getOrBuild(SchemaBuilder.struct().build(), () => ++builds);
    cache.getOrBuild(SchemaBuilder.struct().build(), () => ++builds);

    expect(builds).toBe(2);
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new SchemaCache<string>(2);
    const [a, b, c] = schemas as [never, never, never];
    cache.getOrBuild(a, () => 'a');
    cache.getOrBuild(b, () => 'b');
    cache.getOrBuild(a, () => 'a again');
    cache.getOrBuild(c, () => 'c');

    expect([cache.size, cache.getOrBuild(a, () => 'rebuilt a'), cache.getOrBuild(b, () => 'rebuilt b')]).toEqual([2, 'a', 'rebuilt b']);
  });
});
