/**
 * `org.apache.kafka.connect.transforms.InsertHeader`: adds a header `header` to every record, its
 * value parsed from `value.literal` as Kafka's `Values.parseString` does (`1` is an INT8, `true` a
 * BOOLEAN, `a-b` a STRING…).
 */
import { ConnectHeader } from '#lib/data/connect-header';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { ConnectRecord } from '#lib/data/connect-record';
import { Values } from '#lib/data/values';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { NonNullValidator } from '#lib/plugin/validators';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';

export const INSERT_HEADER_CLASS = `${TRANSFORMS_PACKAGE}.InsertHeader`;

export const INSERT_HEADER_OVERVIEW = 'Add a header to each record.';

export function insertHeaderConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'header', type: 'STRING', defaultValue: NO_DEFAULT, validator: NonNullValidator(), importance: 'HIGH', documentation: 'The name of the header.' })
    .define({
      name: 'value.literal', type: 'STRING', defaultValue: NO_DEFAULT, validator: NonNullValidator(), importance: 'HIGH',
      documentation: 'The literal value that is to be set as the header value on all records.',
    });
}

const CONFIG_DEF = insertHeaderConfigDef();

export class InsertHeader<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #header = new ConnectHeader('');

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    const key = config.getString('header') ?? '';
    // Added once here so the schema/value check Kafka makes on every add runs once.
    const [checked] = new ConnectHeaders().add(key, Values.parseString(config.getString('value.literal')));
    this.#header = checked ?? new ConnectHeader(key);
  }

  apply(record: R): R | null {
    return { ...record, headers: record.headers.duplicate().add(this.#header) };
  }

  config(): ConfigDef {
    return insertHeaderConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const insertHeaderDescriptor = transformationDescriptor(INSERT_HEADER_CLASS, insertHeaderConfigDef, () => new InsertHeader());
