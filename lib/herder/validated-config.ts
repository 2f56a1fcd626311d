/**
 * Every create and update goes through the same validation as `/config/validate`; a config with
 * errors is rejected with Kafka's 400 message listing them.
 */
import { InvalidConfigError } from '#lib/errors';
import type { HerderDeps } from './deps';
import type { RequestConfig } from './types';
import { validateResolved } from './validate-resolved';

export async function validatedConfig(deps: HerderDeps, name: string, config: RequestConfig): Promise<Record<string, string>> {
  const withName: RequestConfig = { ...config, name };
  const infos = await validateResolved(deps, withName);
  if (infos.error_count > 0) throw new InvalidConfigError(deps.plugins.errorsMessage(infos));
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(withName)) {
    if (value !== null) result[key] = value;
  }
  return result;
}
