/** ConnectorPluginsResource. */
import { BadRequestError } from '#lib/errors';
import { jsonResponse } from '../json-response';
import { booleanParam } from '../query';
import { decodeConfigMap } from '../request-entities';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';

const ALIAS_SUFFIX = 'Connector';

/** `connectorsOnly` defaults to true: only sink and source plugins. */
export async function listPlugins(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.connectorPlugins(booleanParam(ctx.query, 'connectorsOnly', true)));
}

export async function getPluginConfig(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.pluginConfig(ctx.param('plugin')));
}

/**
 * 200 with the ConfigInfos even when the config has errors. The resource itself refuses a
 * `connector.class` that names another plugin than the path (comparing names without the
 * `Connector` suffix, so aliases and class names both work).
 */
export async function validateConfig(ctx: RouteContext): Promise<ApiResponse> {
  const plugin = ctx.param('plugin');
  const config = decodeConfigMap(ctx.body);
  const included = Object.hasOwn(config, 'connector.class') ? config['connector.class'] : null;
  if (included !== null && included !== undefined && !stripAlias(included).endsWith(stripAlias(plugin))) {
    throw new BadRequestError(`Included connector type ${included} does not match request type ${plugin}`);
  }
  return jsonResponse(200, await ctx.herder.validateConfig(plugin, config));
}

function stripAlias(name: string): string {
  return name.endsWith(ALIAS_SUFFIX) && name.length > ALIAS_SUFFIX.length ? name.slice(0, -ALIAS_SUFFIX.length) : name;
}
