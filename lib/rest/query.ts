/**
 * Query parameters parsed from the raw query string as Jersey sees them: names and values
 * percent-decoded with `+` as space, every occurrence kept (`expand` is repeatable; a single-valued
 * parameter uses its first occurrence). `a=1,2` is ONE value "1,2".
 */
export type QueryParams = ReadonlyMap<string, readonly string[]>;

export function parseQuery(rawQuery: string): QueryParams {
  const params = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeQueryComponent(pair.slice(eq + 1));
    const values = params.get(name);
    if (values === undefined) params.set(name, [value]);
    else values.push(value);
  }
  return params;
}

export function firstParam(query: QueryParams, name: string): string | undefined {
  return query.get(name)?.[0];
}

/**
 * A boolean parameter as Jersey converts it: absent or blank gives the default, anything else is
 * Java's `Boolean.valueOf` (true only for a case-insensitive "true").
 */
export function booleanParam(query: QueryParams, name: string, defaultValue: boolean): boolean {
  const value = firstParam(query, name);
  if (value === undefined || value.trim() === '') return defaultValue;
  return value.toLowerCase() === 'true';
}

function decodeQueryComponent(raw: string): string {
  const text = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
