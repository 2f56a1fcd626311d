// fast-check generators of Connect schemas and matching values, for converter round-trip properties.
import fc from 'fast-check';
import {
  BigDecimal, ConnectDate, ConnectDecimal, ConnectTime, ConnectTimestamp, SchemaBuilder, Struct, type Schema,
} from '#lib/data/index';

const PRIMITIVES = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES'] as const;

const fieldName = fc.string({ minLength: 1, maxLength: 8, unit: 'binary' });

function finish(builder: SchemaBuilder, optional: boolean, doc: string | null): Schema {
  if (optional) builder.optional();
  if (doc !== null) builder.doc(doc);
  return builder.build();
}

const leafBuilder: fc.Arbitrary<() => SchemaBuilder> = fc.oneof(
  fc.constantFrom(...PRIMITIVES).map((type) => () => SchemaBuilder.type(type)),
  fc.integer({ min: -3, max: 12 }).map((scale) => () => ConnectDecimal.builder(scale)),
  fc.constantFrom(ConnectDate.builder, ConnectTime.builder, ConnectTimestamp.builder),
);

const requiredPrimitive: fc.Arbitrary<Schema> = fc.constantFrom(...PRIMITIVES).map((type) => SchemaBuilder.type(type).build());

/** Schemas of every type, nested up to a small depth, optional or not, some with docs. */
export const schemaArb: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(leafBuilder, fc.boolean(), fc.option(fc.string())).map(([make, optional, doc]) => finish(make(), optional, doc)),
    fc.tuple(tie('schema'), fc.boolean()).map(([element, optional]) => finish(SchemaBuilder.array(element), optional, null)),
    fc.tuple(requiredPrimitive, tie('schema'), fc.boolean()).map(([key, value, optional]) => finish(SchemaBuilder.map(key, value), optional, null)),
    fc.tuple(fc.uniqueArray(fc.tuple(fieldName, tie('schema')), { maxLength: 4, selector: ([name]) => name }), fc.option(fc.string()), fc.boolean())
      .map(([fields, name, optional]) => {
        const builder = SchemaBuilder.struct();
        if (name !== null) builder.name(name);
        for (const [n, s] of fields) builder.field(n, s);
        return finish(builder, optional, null);
      }),
  ),
})).schema;

/** A value valid for the schema (no NaN or infinities: Jackson writes those as strings). */
export function valueArb(schema: Schema): fc.Arbitrary<unknown> {
  const inner = requiredValueArb(schema);
  return schema.optional ? fc.option(inner, { nil: null }) : inner;
}

function requiredValueArb(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.name) {
    case ConnectDecimal.LOGICAL_NAME:
      return fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((u) => new BigDecimal(u, ConnectDecimal.scale(schema)));
    case ConnectDate.LOGICAL_NAME:
      return fc.integer({ min: -1_000_000, max: 1_000_000 }).map((days) => new Date(days * 86_400_000));
    case ConnectTime.LOGICAL_NAME:
      return fc.integer({ min: 0, max: 86_400_000 }).map((ms) => new Date(ms));
    case ConnectTimestamp.LOGICAL_NAME:
      return fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms));
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
      return fc.integer({ min: -128, max: 127 });
    case 'INT16':
      return fc.integer({ min: -32768, max: 32767 });
    case 'INT32':
      return fc.integer({ min: -2147483648, max: 2147483647 });
    case 'INT64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'FLOAT32':
      return fc.float({ noNaN: true, noDefaultInfinity: true });
    case 'FLOAT64':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'BOOLEAN':
      return fc.boolean();
    case 'STRING':
      return fc.string({ unit: 'binary', maxLength: 12 });
    case 'BYTES':
      return fc.uint8Array({ maxLength: 12 });
    case 'ARRAY':
      return fc.array(valueArb(schema.valueSchema as Schema), { maxLength: 4 });
    case 'MAP':
      return fc.array(fc.tuple(valueArb(schema.keySchema as Schema), valueArb(schema.valueSchema as Schema)), { maxLength: 4 })
        .map((entries) => new Map(entries));
    case 'STRUCT':
      return fc.tuple(...schema.fields.map((f) => valueArb(f.schema))).map((values) => {
        const struct = new Struct(schema);
        schema.fields.forEach((f, i) => struct.put(f, values[i]));
        return struct;
      });
  }
}

/** A schema with a value for it. */
export const schemaAndValueArb: fc.Arbitrary<[Schema, unknown]> = schemaArb.chain((schema) => valueArb(schema).map((value): [Schema, unknown] => [schema, value]));
