/**
 * API Gateway HTTP API's view of a query string: `queryStringParameters` holds percent-decoded names and
 * values, repeated names joined with commas (payload 2.0 has no multi-value map). `+` stays a plus: API
 * Gateway does not apply form decoding. A malformed escape is passed through undecoded rather than
 * failing the request.
 */
export function queryStringParameters(rawQueryString: string): Record<string, string> | undefined {
  const values = new Map<string, string[]>();
  for (const pair of rawQueryString.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  if (values.size === 0) return undefined;
  // Object.fromEntries defines own properties, so a parameter named `__proto__` stays a parameter.
  return Object.fromEntries([...values].map(([name, list]) => [name, list.join(',')]));
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
