/** `/connector-plugins/{p}/config/validate` (Kafka's ConnectorPluginsResource.validateConfigs). */
import { ensureIncludedConnectorTypeMatches } from '#lib/plugin/validate-connector-config';
import type { HerderDeps } from './deps';
import type { ConfigInfos, RequestConfig } from './types';
import { validateResolved } from './validate-resolved';

export async function validateConfig(deps: HerderDeps, plugin: string, config: RequestConfig): Promise<ConfigInfos> {
  ensureIncludedConnectorTypeMatches(plugin, config);
  return validateResolved(deps, config);
}
