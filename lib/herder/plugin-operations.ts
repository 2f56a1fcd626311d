/** `/connector-plugins`: listing, config definitions and validation (Kafka's ConnectorPluginsResource). */
import { BadRequestError } from '#lib/errors';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import type { ConfigInfos, RequestConfig } from './types';

export async function validateConfig(deps: HerderDeps, plugin: string, config: RequestConfig): Promise<ConfigInfos> {
  const included = config['connector.class'];
  if (included !== undefined && included !== null && !normalised(included).endsWith(normalised(plugin))) {
    throw new BadRequestError(messages.includedTypeMismatch(included, plugin));
  }
  return deps.plugins.validate(config);
}

/** Kafka compares plugin names without a trailing "Connector". */
function normalised(name: string): string {
  return name.endsWith('Connector') ? name.slice(0, -'Connector'.length) : name;
}
