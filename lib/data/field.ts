import type { Schema } from './schema';

/** A field of a STRUCT schema: its name, position and schema. */
export class Field {
  constructor(
    readonly name: string,
    readonly index: number,
    readonly schema: Schema,
  ) {}

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof Field)) return false;
    return this.index === other.index && this.name === other.name && this.schema.equals(other.schema);
  }

  toString(): string {
    return `Field{name=${this.name}, index=${this.index}, schema=${this.schema.toString()}}`;
  }
}
