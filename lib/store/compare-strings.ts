/** The one ordering used for every sorted list the stores return (UTF-16 code units, like Java's
 *  String.compareTo, which orders Kafka Connect's connector and topic lists). */
export function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
