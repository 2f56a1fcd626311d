/** Flatten for schemaless Maps: nested Maps are inlined, every other supported value copied as is. */
import { javaClassName } from '#lib/data/java-class';
import { DataError } from '#lib/errors';
import { schemaTypeOf } from '../util/connect-type-of';
import { requireMap, type FieldMap } from '../util/requirements';

export function flattenMap(original: FieldMap, prefix: string, target: FieldMap, delimiter: string, purpose: string): void {
  for (const [key, value] of original) {
    const name = prefix === '' ? key : prefix + delimiter + key;
    if (value === null || value === undefined) {
      target.set(name, null);
      continue;
    }
    const type = schemaTypeOf(value);
    if (type === null) {
      throw new DataError(`Flatten transformation was passed a value of type class ${javaClassName(value)} which is not supported by Connect's data API`);
    }
    if (type === 'MAP') flattenMap(requireMap(value, purpose), name, target, delimiter, purpose);
    else if (type === 'STRUCT') {
      throw new DataError(`Flatten transformation does not support class ${javaClassName(value)} for record without schemas (for field ${name}).`);
    } else target.set(name, value);
  }
}
