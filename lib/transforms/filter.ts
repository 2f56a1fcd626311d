/**
 * `org.apache.kafka.connect.transforms.Filter`: drops every record it is applied to; meant to be
 * used with a predicate (`transforms.<alias>.predicate`) so that only matching records are dropped.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';

export const FILTER_CLASS = `${TRANSFORMS_PACKAGE}.Filter`;

export const FILTER_OVERVIEW =
  'Drops all records, filtering them from subsequent transformations in the chain. ' +
  'This is intended to be used conditionally to filter out records matching (or not matching) a particular Predicate.';

export function filterConfigDef(): ConfigDef {
  return new ConfigDef();
}

export class Filter<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  configure(): void {}

  apply(_record: R): R | null {
    return null;
  }

  config(): ConfigDef {
    return filterConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const filterDescriptor = transformationDescriptor(FILTER_CLASS, filterConfigDef, () => new Filter());
