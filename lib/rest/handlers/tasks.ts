/** ConnectorsResource: status and task views of one connector. */
import { jsonResponse } from '../json-response';
import { RouteNotFoundError } from '../rest-errors';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';

const TASKS_CONFIG_DEPRECATION =
  "The 'GET /connectors/{connector}/tasks-config' endpoint is deprecated and will be removed in the next major " +
  "release. Please use the 'GET /connectors/{connector}/tasks' endpoint instead.";

export async function getConnectorStatus(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.connectorStatus(ctx.param('connector')));
}

export async function getTasks(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.taskConfigs(ctx.param('connector')));
}

/** Deprecated since 3.7 (KIP-970), still served by 3.9: `{"<c>-<id>": {task config}}`. */
export async function getTasksConfig(ctx: RouteContext): Promise<ApiResponse> {
  const name = ctx.param('connector');
  ctx.log.warn(TASKS_CONFIG_DEPRECATION, { connector: name });
  const tasks = await ctx.herder.taskConfigs(name);
  return jsonResponse(200, Object.fromEntries(tasks.map((task) => [`${task.id.connector}-${task.id.task}`, task.config])));
}

export async function getTaskStatus(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.taskStatus(ctx.param('connector'), taskId(ctx)));
}

/** `{task}` is a Java Integer path parameter: anything Integer.valueOf rejects is a 404, as in Jersey. */
export function taskId(ctx: RouteContext): number {
  const text = ctx.param('task');
  const id = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(id) || id < -2147483648 || id > 2147483647) throw new RouteNotFoundError();
  return id;
}
