/** `org.apache.kafka.connect.transforms.predicates.HasHeaderKey`: true when the record has at least one header named `name`. */
import type { ConnectRecord } from '#lib/data/connect-record';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { NonEmptyString } from '#lib/plugin/validators';
import type { Predicate } from './predicate';
import { PREDICATES_PACKAGE, predicateDescriptor } from './predicate-descriptor';

export const HAS_HEADER_KEY_CLASS = `${PREDICATES_PACKAGE}.HasHeaderKey`;

export const HAS_HEADER_KEY_OVERVIEW = 'A predicate which is true for records with at least one header with the configured name.';

export function hasHeaderKeyConfigDef(): ConfigDef {
  return new ConfigDef().define({ name: 'name', type: 'STRING', defaultValue: NO_DEFAULT, validator: NonEmptyString(), importance: 'MEDIUM', documentation: 'The header name.' });
}

const CONFIG_DEF = hasHeaderKeyConfigDef();

export class HasHeaderKey<R extends ConnectRecord = ConnectRecord> implements Predicate<R> {
  #name = '';

  configure(props: Readonly<Record<string, string>>): void {
    this.#name = new AbstractConfig(CONFIG_DEF, props).getString('name') ?? '';
  }

  test(record: R): boolean {
    return record.headers.lastWithName(this.#name) !== undefined;
  }

  config(): ConfigDef {
    return hasHeaderKeyConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  toString(): string {
    return `HasHeaderKey{name='${this.#name}'}`;
  }
}

export const hasHeaderKeyDescriptor = predicateDescriptor(HAS_HEADER_KEY_CLASS, hasHeaderKeyConfigDef, () => new HasHeaderKey());
