/**
 * Thrown by the JsonConverter's fast paths at anything they do not handle (unusual JSON, errors,
 * values of unexpected types); the converter then redoes the whole record on the reference path,
 * which gives the result or the error Kafka would. One shared instance: bailing costs no allocation.
 */
export class FastPathBail extends Error {}

export const BAIL = new FastPathBail('not on the fast path');

export function bail(): never {
  throw BAIL;
}
