/** ConnectorPluginsResource. */
import { jsonResponse } from '../json-response';
import { booleanParam } from '../query';
import { decodeConfigMap } from '../request-entities';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';

/** `connectorsOnly` defaults to true: only sink and source plugins. */
export async function listPlugins(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.connectorPlugins(booleanParam(ctx.query, 'connectorsOnly', true)));
}

export async function getPluginConfig(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.pluginConfig(ctx.param('plugin')));
}

/** 200 with the ConfigInfos even when the config has errors (the herder checks the path's plugin). */
export async function validateConfig(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.validateConfig(ctx.param('plugin'), decodeConfigMap(ctx.body)));
}
