/** `org.apache.kafka.connect.transforms.DropHeaders`: removes every header whose key is listed in `headers`. */
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { ConnectRecord } from '#lib/data/connect-record';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { nonEmptyListValidator } from './util/validators';

export const DROP_HEADERS_CLASS = `${TRANSFORMS_PACKAGE}.DropHeaders`;

export const DROP_HEADERS_OVERVIEW = 'Removes one or more headers from each record.';

export function dropHeadersConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: 'headers', type: 'LIST', defaultValue: NO_DEFAULT, validator: nonEmptyListValidator(), importance: 'HIGH',
    documentation: 'The name of the headers to be removed.',
  });
}

const CONFIG_DEF = dropHeadersConfigDef();

export class DropHeaders<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #headers: ReadonlySet<string> = new Set();

  configure(props: Readonly<Record<string, string>>): void {
    this.#headers = new Set(new AbstractConfig(CONFIG_DEF, props).getList('headers'));
  }

  apply(record: R): R | null {
    const kept = new ConnectHeaders();
    for (const header of record.headers) if (!this.#headers.has(header.key)) kept.add(header);
    return { ...record, headers: kept };
  }

  config(): ConfigDef {
    return dropHeadersConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const dropHeadersDescriptor = transformationDescriptor(DROP_HEADERS_CLASS, dropHeadersConfigDef, () => new DropHeaders());
