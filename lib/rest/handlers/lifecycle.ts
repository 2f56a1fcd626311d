/** ConnectorsResource: target-state changes, restarts and topic tracking. */
import { emptyResponse, jsonResponse } from '../json-response';
import { booleanParam } from '../query';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';
import { taskId } from './tasks';

export async function pauseConnector(ctx: RouteContext): Promise<ApiResponse> {
  await ctx.herder.pauseConnector(ctx.param('connector'));
  return emptyResponse(202);
}

export async function resumeConnector(ctx: RouteContext): Promise<ApiResponse> {
  await ctx.herder.resumeConnector(ctx.param('connector'));
  return emptyResponse(202);
}

export async function stopConnector(ctx: RouteContext): Promise<ApiResponse> {
  await ctx.herder.stopConnector(ctx.param('connector'));
  return emptyResponse(204);
}

/** 204 for the legacy connector-only restart (herder returns undefined), else 202 with the plan. */
export async function restartConnector(ctx: RouteContext): Promise<ApiResponse> {
  const options = {
    includeTasks: booleanParam(ctx.query, 'includeTasks', false),
    onlyFailed: booleanParam(ctx.query, 'onlyFailed', false),
  };
  const plan = await ctx.herder.restartConnector(ctx.param('connector'), options);
  return plan === undefined ? emptyResponse(204) : jsonResponse(202, plan);
}

export async function restartTask(ctx: RouteContext): Promise<ApiResponse> {
  await ctx.herder.restartTask(ctx.param('connector'), taskId(ctx));
  return emptyResponse(204);
}

/** `{"<c>": {"topics": [...]}}`; no existence check (Kafka answers unknown names with an empty list). */
export async function getConnectorTopics(ctx: RouteContext): Promise<ApiResponse> {
  const name = ctx.param('connector');
  const topics = await ctx.herder.connectorTopics(name);
  return jsonResponse(200, Object.fromEntries([[name, { topics }]]));
}

export async function resetConnectorTopics(ctx: RouteContext): Promise<ApiResponse> {
  await ctx.herder.resetConnectorTopics(ctx.param('connector'));
  return emptyResponse(202);
}
