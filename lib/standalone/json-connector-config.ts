/**
 * A connector config given as JSON, in either shape the REST API takes: POST /connectors'
 * `{"name": "x", "config": {...}}` or PUT /connectors/x/config's flat map containing `name`. Numbers and
 * booleans become strings (Kafka's JSON mapper coerces them the same way); null, arrays and objects
 * are errors.
 */
import { ConfigFileError } from './errors';

export function jsonConnectorConfig(text: string, file: string): { name: string; config: Record<string, string> } {
  const parsed = parseJson(text, file);
  if (!isObject(parsed)) throw new ConfigFileError(file, 'expected a JSON object with the connector config');
  if (!isObject(parsed.config)) return withName(stringValues(parsed, file), undefined, file);
  const extra = Object.keys(parsed).filter((key) => key !== 'name' && key !== 'config');
  if (extra.length > 0) {
    throw new ConfigFileError(file, `unsupported top-level field(s) ${extra.map((k) => `'${k}'`).join(', ')}: only 'name' and 'config' are read`);
  }
  if (parsed.name !== undefined && typeof parsed.name !== 'string') throw new ConfigFileError(file, "'name' must be a string");
  return withName(stringValues(parsed.config, file), parsed.name, file);
}

function withName(config: Record<string, string>, outerName: string | undefined, file: string): { name: string; config: Record<string, string> } {
  if (outerName !== undefined && config.name !== undefined && config.name !== outerName) {
    throw new ConfigFileError(file, `'name' is '${outerName}' but config.name is '${config.name}'`);
  }
  const name = outerName ?? config.name;
  if (name === undefined || name.trim() === '') throw new ConfigFileError(file, "the connector config has no 'name'");
  return { name, config: { ...config, name } };
}

function stringValues(map: Record<string, unknown>, file: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => {
      if (typeof value === 'string') return [key, value];
      if (typeof value === 'number' || typeof value === 'boolean') return [key, String(value)];
      throw new ConfigFileError(file, `the value of '${key}' must be a string, number or boolean, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
    }),
  );
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? text.length : undefined);
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new ConfigFileError(file, `invalid JSON: ${message}`, line, { cause: err });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
