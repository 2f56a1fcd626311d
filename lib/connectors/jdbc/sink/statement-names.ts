/**
 * Server-side prepared statements, used as PostgreSQL's JDBC driver uses them: a statement text
 * executed for the PREPARE_THRESHOLD-th time on a connection (pgjdbc's `prepareThreshold`, 5) runs
 * as a named statement from then on, parsed and analysed once per connection; later executions
 * only bind parameters. For a multi-row upsert of a few thousand rows that saves about a quarter
 * of the round trip. The texts that repeat are the full `batch.size` chunks and the runtime's
 * equal-sized `put` slices.
 *
 * Bounded per connection: at most MAX_NAMED named statements (they live on the server until the
 * connection closes; later texts run unnamed) and use counts for at most MAX_COUNTED texts. A name
 * is used for one text only in the whole process, so `pg` never sees one name with two texts on a
 * connection (which it refuses).
 */
export const PREPARE_THRESHOLD = 5;
const MAX_NAMED = 8;
const MAX_COUNTED = 64;

interface ConnectionStatements {
  readonly named: Map<string, string>;
  readonly uses: Map<string, number>;
}

const connections = new WeakMap<object, ConnectionStatements>();
let counter = 0;

/** The name to run `text` under on `connection` this time, or undefined to run it unnamed. */
export function statementName(connection: object, text: string): string | undefined {
  let statements = connections.get(connection);
  if (statements === undefined) {
    statements = { named: new Map(), uses: new Map() };
    connections.set(connection, statements);
  }
  const { named, uses } = statements;
  const name = named.get(text);
  if (name !== undefined || named.size >= MAX_NAMED) return name;
  const count = (uses.get(text) ?? 0) + 1;
  uses.delete(text);
  if (count >= PREPARE_THRESHOLD) {
    const fresh = `lambda_connect_sink_${++counter}`;
    named.set(text, fresh);
    return fresh;
  }
  if (uses.size >= MAX_COUNTED) uses.delete(uses.keys().next().value as string);
  uses.set(text, count);
  return undefined;
}
