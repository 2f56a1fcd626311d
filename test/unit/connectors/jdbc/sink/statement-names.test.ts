import { describe, expect, it } from 'vitest';
import { PREPARE_THRESHOLD, statementName } from '#lib/connectors/jdbc/sink/statement-names';

const runs = (connection: object, text: string, times: number): (string | undefined)[] => Array.from({ length: times }, () => statementName(connection, text));

describe('statementName', () => {
  it('runs a text unnamed until its PREPARE_THRESHOLD-th execution on a connection, then always under one name', () => {
    const names = runs({}, 'INSERT INTO "a" ("id") VALUES ($1)', PREPARE_THRESHOLD + 2);

    expect(names.slice(0, PREPARE_THRESHOLD - 1)).toEqual(Array.from({ length: PREPARE_THRESHOLD - 1 }, () => undefined));
    expect(names[PREPARE_THRESHOLD - 1]).toMatch(/^lambda_connect_sink_\d+$/);
    expect(new Set(names.slice(PREPARE_THRESHOLD - 1)).size).toBe(1);
  });

  it('counts executions per connection', () => {
    const [first, second] = [{}, {}];
    runs(first, 'INSERT INTO "b" ("id") VALUES ($1)', PREPARE_THRESHOLD - 1);

    expect(statementName(second, 'INSERT INTO "b" ("id") VALUES ($1)')).toBeUndefined();
    expect(statementName(first, 'INSERT INTO "b" ("id") VALUES ($1)')).toBeDefined();
  });

  it('never gives one name to two texts', () => {
    const connection = {};
    const a = runs(connection, 'INSERT INTO "c" ("id") VALUES ($1)', PREPARE_THRESHOLD).at(-1);
    const b = runs(connection, 'INSERT INTO "c" ("id") VALUES ($1),($2)', PREPARE_THRESHOLD).at(-1);

    expect([a, b].every((n) => n !== undefined)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('names at most 8 texts on a connection and runs later ones unnamed', () => {
    const connection = {};
    const named = Array.from({ length: 10 }, (_, i) => runs(connection, `DELETE FROM "d${i}"`, PREPARE_THRESHOLD).at(-1));

    expect(named.filter((n) => n !== undefined)).toHaveLength(8);
    expect(named.slice(8)).toEqual([undefined, undefined]);
  });
});
