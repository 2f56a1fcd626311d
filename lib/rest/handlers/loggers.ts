/** LoggingResource (`/admin/loggers`), served only while admin endpoints are enabled. */
import { NotFoundError } from '#lib/errors';
import { emptyResponse, jsonResponse } from '../json-response';
import { firstParam } from '../query';
import { decodeLoggerLevel } from '../request-entities';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';

/** log4j's levels; Kafka accepts them in any case. */
const LEVELS = new Set(['ALL', 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF']);

export async function listLoggers(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.loggers());
}

export async function getLogger(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.logger(ctx.param('logger')));
}

/**
 * Worker scope (the default, and any unknown `scope`): 200 with the sorted affected logger names.
 * Cluster scope: 204. An unknown level is a 404, a Kafka quirk we keep.
 */
export async function setLoggerLevel(ctx: RouteContext): Promise<ApiResponse> {
  const level = decodeLoggerLevel(ctx.body);
  const upper = level.toUpperCase();
  if (!LEVELS.has(upper)) throw new NotFoundError(`invalid log level '${level}'.`);
  const scope = firstParam(ctx.query, 'scope')?.toLowerCase() === 'cluster' ? 'cluster' : 'worker';
  const affected = await ctx.herder.setLoggerLevel(ctx.param('logger'), upper, scope);
  return scope === 'cluster' ? emptyResponse(204) : jsonResponse(200, affected);
}
