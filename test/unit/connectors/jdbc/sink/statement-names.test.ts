import { describe, expect, it } from 'vitest';
import { statementName } from '#lib/connectors/jdbc/sink/statement-names';

describe('statementName', () => {
  it('gives a statement text the same name every time', () => {
    expect(statementName('INSERT INTO "a" ("id") VALUES ($1)')).toBe(statementName('INSERT INTO "a" ("id") VALUES ($1)'));
  });

  it('gives different texts different names', () => {
    expect(statementName('INSERT INTO "b" ("id") VALUES ($1)')).not.toBe(statementName('INSERT INTO "b" ("id") VALUES ($1),($2)'));
  });

  it('never gives a forgotten name to another text', () => {
    const first = statementName('DELETE FROM "c" WHERE "id"=$1');
    const seen = new Set([first]);
    for (let i = 0; i < 200; i++) seen.add(statementName(`INSERT INTO "c${i}" ("id") VALUES ($1)`));

    const again = statementName('DELETE FROM "c" WHERE "id"=$1');

    expect(seen.size).toBe(201);
    expect(again).not.toBe(first);
    expect(seen.has(again)).toBe(false);
  });
});
