/** ConnectorsResource: listing, creating, reading, configuring and deleting connectors. */
import { jsonResponse, emptyResponse } from '../json-response';
import { decodeConfigMap, decodeCreateConnector } from '../request-entities';
import type { RouteContext } from '../router';
import { connectorLocation, javaTrim, withConnectorName } from './connector-name';
import type { ApiResponse } from '../types';

/** `expand` is repeatable; only the exact values `status` and `info` count, others give `{}`. */
export async function listConnectors(ctx: RouteContext): Promise<ApiResponse> {
  const expand = ctx.query.get('expand');
  if (expand === undefined) return jsonResponse(200, await ctx.herder.listConnectors());
  const selection = { status: expand.includes('status'), info: expand.includes('info') };
  return jsonResponse(200, await ctx.herder.expandConnectors(selection));
}

export async function createConnector(ctx: RouteContext): Promise<ApiResponse> {
  const request = decodeCreateConnector(ctx.body);
  const name = javaTrim(request.name ?? '');
  const config = withConnectorName(name, request.config);
  const info = await ctx.herder.createConnector(name, config, request.initialState);
  return jsonResponse(201, info, { Location: connectorLocation(ctx.settings, name) });
}

export async function getConnector(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.connectorInfo(ctx.param('connector')));
}

export async function getConnectorConfig(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.connectorConfig(ctx.param('connector')));
}

/** 201 + Location when the PUT created the connector, 200 when it replaced its config. */
export async function putConnectorConfig(ctx: RouteContext): Promise<ApiResponse> {
  const name = ctx.param('connector');
  const config = withConnectorName(name, decodeConfigMap(ctx.body));
  const { created, info } = await ctx.herder.putConnectorConfig(name, config);
  if (!created) return jsonResponse(200, info);
  return jsonResponse(201, info, { Location: connectorLocation(ctx.settings, name) });
}

/** No name check here (as in Kafka); null values delete keys. */
export async function patchConnectorConfig(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.patchConnectorConfig(ctx.param('connector'), decodeConfigMap(ctx.body)));
}

export async function deleteConnector(ctx: RouteContext): Promise<ApiResponse> {
  await ctx.herder.deleteConnector(ctx.param('connector'));
  return emptyResponse(204);
}
