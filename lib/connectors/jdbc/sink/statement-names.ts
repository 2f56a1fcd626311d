/**
 * Names for server-side prepared statements, as PostgreSQL's JDBC driver uses them for a statement
 * executed again and again (its prepareThreshold): a named statement is parsed and analysed once
 * per connection, and later executions only bind parameters, which for a multi-row upsert of a few
 * thousand rows saves about a quarter of the round trip.
 *
 * Only full chunks are named (their text repeats from flush to flush; a last, shorter chunk varies
 * in length and would leave a statement per length on the connection). A name stands for exactly
 * one text in the whole process, so `pg` never sees one name with two texts on a connection (it
 * refuses that). At most MAX_NAMED texts are remembered; older ones are forgotten, never renamed,
 * and a connection keeps its statements until it closes.
 */
const MAX_NAMED = 64;
const names = new Map<string, string>();
let counter = 0;

/** The prepared-statement name for this statement text. */
export function statementName(text: string): string {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED) {
    const oldest = names.keys().next();
    if (oldest.done !== true) names.delete(oldest.value);
  }
  const name = `lambda_connect_sink_${++counter}`;
  names.set(text, name);
  return name;
}
