/** The ConfigDef of the HTTP sink (see http-sink-keys.ts for the names shared with Confluent's). */
import { ConfigException } from '#lib/plugin/config-exception';
import { ConfigDef } from '#lib/plugin/config-def';
import type { Validator } from '#lib/plugin/config-types';
import { CaseInsensitiveValidString, Range, ValidString } from '#lib/plugin/validators';
import * as k from './http-sink-keys';

const urlValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) return;
    let url: URL;
    try {
      url = new URL(String(value).replaceAll(k.TOPIC_PLACEHOLDER, 'topic'));
    } catch {
      throw new ConfigException(name, value, 'Must be an absolute http or https URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigException(name, value, 'Must be an absolute http or https URL');
  },
  toString: () => 'an http or https URL, which may contain ${topic}',
};

export function httpSinkConfigDef(): ConfigDef {
  const def = new ConfigDef();
  let position = 0;
  let current = '';
  const at = (group: string): { group: string; orderInGroup: number } => {
    if (group !== current) [current, position] = [group, 0];
    return { group, orderInGroup: ++position };
  };
  return def
    .define({ name: k.HTTP_API_URL_CONFIG, type: 'STRING', validator: urlValidator, importance: 'HIGH', ...at(k.CONNECTION_GROUP), width: 'LONG', displayName: 'HTTP URL', documentation: 'The URL the records are sent to. ``${topic}`` is replaced by the topic of the records, which are then sent per topic.' })
    .define({ name: k.REQUEST_METHOD_CONFIG, type: 'STRING', defaultValue: 'POST', validator: CaseInsensitiveValidString.in(...k.REQUEST_METHODS), importance: 'HIGH', ...at(k.CONNECTION_GROUP), width: 'SHORT', displayName: 'Request Method', documentation: 'The HTTP request method: POST, PUT or PATCH.' })
    .define({ name: k.AUTH_TYPE_CONFIG, type: 'STRING', defaultValue: 'NONE', validator: CaseInsensitiveValidString.in(...k.AUTH_TYPES), importance: 'HIGH', ...at(k.CONNECTION_GROUP), width: 'SHORT', displayName: 'Authentication Type', documentation: 'NONE, or BASIC to send ``connection.user`` and ``connection.password`` as HTTP Basic authentication.' })
    .define({ name: k.CONNECTION_USER_CONFIG, type: 'STRING', defaultValue: null, importance: 'HIGH', ...at(k.CONNECTION_GROUP), width: 'MEDIUM', displayName: 'User', documentation: 'The user name for auth.type=BASIC.' })
    .define({ name: k.CONNECTION_PASSWORD_CONFIG, type: 'PASSWORD', defaultValue: null, importance: 'HIGH', ...at(k.CONNECTION_GROUP), width: 'MEDIUM', displayName: 'Password', documentation: 'The password for auth.type=BASIC.' })
    .define({ name: k.REQUEST_TIMEOUT_MS_CONFIG, type: 'INT', defaultValue: 30000, validator: Range.atLeast(1), importance: 'MEDIUM', ...at(k.CONNECTION_GROUP), width: 'SHORT', displayName: 'Request Timeout (ms)', documentation: 'How long one request may take, connecting included, before it is abandoned and retried.' })
    .define({
      name: k.HEADERS_CONFIG, type: 'STRING', defaultValue: '', importance: 'HIGH', ...at(k.REQUEST_GROUP), width: 'LONG', displayName: 'Headers',
      documentation: 'HTTP headers sent with every request, as ``Name:Value`` pairs separated by ``header.separator``, e.g. ``Authorization:Bearer x|X-Source:kafka``. Content-Type defaults to application/json.',
    })
    .define({ name: k.HEADER_SEPARATOR_CONFIG, type: 'STRING', defaultValue: '|', importance: 'HIGH', ...at(k.REQUEST_GROUP), width: 'SHORT', displayName: 'Header Separator', documentation: 'The separator between the pairs of ``headers``.' })
    .define({
      name: k.REQUEST_BODY_FORMAT_CONFIG, type: 'STRING', defaultValue: 'json', validator: ValidString.in('json'), importance: 'HIGH', ...at(k.REQUEST_GROUP), width: 'SHORT', displayName: 'Request Body Format',
      documentation: 'The body of a request is a JSON array with one element per record: the record value as JsonConverter writes it without schemas (Structs and maps as objects, bytes as base64, 64-bit integers and decimals as exact numbers).',
    })
    .define({ name: k.BATCH_MAX_SIZE_CONFIG, type: 'INT', defaultValue: 500, validator: Range.atLeast(1), importance: 'HIGH', ...at(k.BATCHING_GROUP), width: 'SHORT', displayName: 'Batch Max Size', documentation: 'The largest number of records sent in one request.' })
    .define({
      name: k.BEHAVIOR_ON_NULL_VALUES_CONFIG, type: 'STRING', defaultValue: 'ignore', validator: CaseInsensitiveValidString.in(...k.NULL_VALUE_BEHAVIORS), importance: 'LOW', ...at(k.BATCHING_GROUP), width: 'SHORT', displayName: 'Behavior On Null Values',
      documentation: 'What to do with records whose value is null (tombstones): ``ignore`` skips them, ``log`` skips and logs them, ``fail`` treats them as failed records.',
    })
    .define({ name: k.MAX_RETRIES_CONFIG, type: 'INT', defaultValue: 5, validator: Range.atLeast(0), importance: 'MEDIUM', ...at(k.RETRIES_GROUP), width: 'SHORT', displayName: 'Maximum Retries', documentation: 'How many times a request that failed with a 5xx, 408 or 429 status, a network error or a timeout is retried within one put before the put fails with a retriable error.' })
    .define({ name: k.RETRY_BACKOFF_MS_CONFIG, type: 'INT', defaultValue: 500, validator: Range.atLeast(0), importance: 'MEDIUM', ...at(k.RETRIES_GROUP), width: 'SHORT', displayName: 'Retry Backoff (ms)', documentation: 'The wait before the first retry; each further retry waits twice as long (with jitter, at most 30 s, at least what a Retry-After header asks for).' });
}
