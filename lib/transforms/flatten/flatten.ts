/**
 * `org.apache.kafka.connect.transforms.Flatten$Key` / `$Value`: nested Structs (with a schema) or
 * Maps (without) become one level whose field names join the path with `delimiter` (default `.`).
 * Arrays are kept as they are; a MAP inside a schema is not supported, as in Kafka.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from '../transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from '../transformation-descriptor';
import { KEY, VALUE, type RecordSide } from '../util/record-side';
import { requireMap, requireStruct } from '../util/requirements';
import { SchemaCache } from '../util/schema-cache';
import { flattenMap } from './flatten-schemaless';
import { flattenPlan, flattenStruct, type FlattenPlan } from './flatten-struct';

export const FLATTEN_CLASS = `${TRANSFORMS_PACKAGE}.Flatten`;

export const FLATTEN_OVERVIEW =
  'Flatten a nested data structure, generating names for each field by concatenating the field names at each ' +
  'level with a configurable delimiter character. Applies to Struct when schema present, or a Map ' +
  "in the case of schemaless data. Array fields and their contents are not modified. The default delimiter is '.'." +
  `<p/>Use the concrete transformation type designed for the record key (<code>${FLATTEN_CLASS}$Key</code>) or value (<code>${FLATTEN_CLASS}$Value</code>).`;

const PURPOSE = 'flattening';

export function flattenConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: 'delimiter', type: 'STRING', defaultValue: '.', importance: 'MEDIUM',
    documentation: 'Delimiter to insert between field names from the input record when generating field names for the output record',
  });
}

const CONFIG_DEF = flattenConfigDef();

export class Flatten<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #delimiter = '.';
  readonly #plans = new SchemaCache<FlattenPlan>();

  constructor(readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, string>>): void {
    this.#delimiter = new AbstractConfig(CONFIG_DEF, props).getString('delimiter') ?? '.';
  }

  apply(record: R): R | null {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    if (schema === null) {
      const flattened = new Map<string, unknown>();
      flattenMap(requireMap(value, PURPOSE), '', flattened, this.#delimiter, PURPOSE);
      return this.side.update(record, null, flattened);
    }
    const struct = requireStruct(value, PURPOSE);
    const plan = this.#plans.getOrBuild(schema, (s) => flattenPlan(s, this.#delimiter));
    return this.side.update(record, plan.schema, flattenStruct(struct, plan));
  }

  config(): ConfigDef {
    return flattenConfigDef();
  }

  close(): void {
    this.#plans.clear();
  }

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const flattenKeyDescriptor = transformationDescriptor(`${FLATTEN_CLASS}$Key`, flattenConfigDef, () => new Flatten(KEY));
export const flattenValueDescriptor = transformationDescriptor(`${FLATTEN_CLASS}$Value`, flattenConfigDef, () => new Flatten(VALUE));
