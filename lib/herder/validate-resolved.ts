/**
 * Validation as Kafka's `AbstractHerder.validateConnectorConfig` does it: the connector validates
 * the config with its `${...}` references resolved (a JDBC connector can then test its connection
 * with the real credentials). Unlike Kafka, no resolved value reaches the answer: every key whose
 * raw value holds a reference shows that raw value (PASSWORD values stay `[hidden]`), and a resolved
 * value quoted in an error message is replaced with its reference.
 */
import { hasVariables, referencesIn } from '#lib/config-providers/variable-pattern';
import type { HerderDeps } from './deps';
import { resolvedConfig } from './start-connector';
import type { ConfigInfos, RequestConfig } from './types';

const HIDDEN = '[hidden]';

export async function validateResolved(deps: HerderDeps, config: RequestConfig): Promise<ConfigInfos> {
  const raw = withReferences(config);
  // Without a connector class the answer quotes the whole config: validate it as written.
  if (deps.configResolver === undefined || raw.size === 0 || config['connector.class'] == null) return deps.plugins.validate(config);
  // One resolution for the config and for each reference on its own (NUL-prefixed keys cannot clash
  // with config keys), so a resolved value can be scrubbed wherever it is quoted, even in part.
  const references = referencesIn(raw.values());
  const both = await resolvedConfig(deps, { ...Object.fromEntries(raw), ...Object.fromEntries(references.map((ref) => [`\0${ref}`, ref])) });
  const infos = await deps.plugins.validate({ ...config, ...Object.fromEntries([...raw.keys()].map((key) => [key, both[key] ?? ''])) });
  const secrets = references
    .map((ref) => [both[`\0${ref}`] ?? ref, ref] as const)
    .filter(([secret, ref]) => secret !== ref && secret !== '')
    .sort(([a], [b]) => b.length - a.length);
  const scrub = (text: string): string => secrets.reduce((out, [secret, ref]) => out.split(secret).join(ref), text);
  return {
    ...infos,
    configs: infos.configs.map(({ definition, value }) => {
      const rawValue = raw.get(value.name);
      const shown = value.value === null || value.value === HIDDEN ? value.value : (rawValue ?? scrub(value.value));
      return { definition, value: { ...value, value: shown, errors: value.errors.map(scrub) } };
    }),
  };
}

/** The keys whose value holds a reference, with that raw value. */
function withReferences(config: RequestConfig): Map<string, string> {
  const raw = new Map<string, string>();
  for (const [key, value] of Object.entries(config)) if (value !== null && hasVariables(value)) raw.set(key, value);
  return raw;
}
