/**
 * The `headers` value of Confluent's HTTP Sink: `Name:Value` pairs separated by header.separator
 * (`|` by default); names and values are trimmed, a value may contain `:`.
 */
import { ConfigException } from '#lib/plugin/config-exception';
import { HEADERS_CONFIG } from './http-sink-keys';

/** The headers in order; a pair without a colon or with an invalid name is a ConfigException. */
export function parseHeaders(text: string, separator: string): Array<[string, string]> {
  if (text.trim() === '') return [];
  const pairs = separator === '' ? [text] : text.split(separator);
  return pairs.map((pair) => {
    const colon = pair.indexOf(':');
    const name = colon < 0 ? '' : pair.slice(0, colon).trim();
    if (name === '' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConfigException(HEADERS_CONFIG, text, `Invalid header '${pair.trim()}': expected Name:Value`);
    return [name, pair.slice(colon + 1).trim()];
  });
}
