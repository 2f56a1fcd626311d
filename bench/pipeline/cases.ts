/** The configurations the pipeline bench measures. */
export const BATCH = 1000;

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';
const BYTE_ARRAY_CONVERTER = 'org.apache.kafka.connect.converters.ByteArrayConverter';

export const TWO_SMTS: Readonly<Record<string, string>> = {
  transforms: 'insert,replace',
  'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.insert.topic.field': 'source_topic',
  'transforms.insert.static.field': 'pipeline',
  'transforms.insert.static.value': 'lambda-connect',
  'transforms.replace.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value',
  'transforms.replace.exclude': 'note',
  'transforms.replace.renames': 'customer:customer_name',
};

/**
 * Two SMTs the pipelines do not fuse (InsertField → ReplaceField runs as one step, see
 * lib/transforms/fusion): what any other pair of map/struct-copying SMTs costs.
 */
export const UNFUSED_SMTS: Readonly<Record<string, string>> = {
  transforms: 'insert,mask',
  'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.insert.topic.field': 'source_topic',
  'transforms.insert.static.field': 'pipeline',
  'transforms.insert.static.value': 'lambda-connect',
  'transforms.mask.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
  'transforms.mask.fields': 'note',
};

/** Keys as strings, values as JSON (the worker's default header converter, SimpleHeaderConverter, for the one header). */
export function jsonConverters(schemasEnable: boolean): Record<string, string> {
  return { 'key.converter': STRING_CONVERTER, 'value.converter': JSON_CONVERTER, 'value.converter.schemas.enable': String(schemasEnable) };
}

/** Converters that do no work, to show what the pipeline itself costs. */
export const PASS_THROUGH: Readonly<Record<string, string>> = { 'key.converter': BYTE_ARRAY_CONVERTER, 'value.converter': BYTE_ARRAY_CONVERTER };
