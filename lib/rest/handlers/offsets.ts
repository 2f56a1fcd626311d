/** ConnectorsResource: the offsets API (KIP-875). */
import { jsonResponse } from '../json-response';
import { decodeOffsets } from '../request-entities';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';

export async function getOffsets(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.getOffsets(ctx.param('connector')));
}

/** The "offsets must be provided" check runs before the herder, so it also answers unknown connectors. */
export async function alterOffsets(ctx: RouteContext): Promise<ApiResponse> {
  const offsets = decodeOffsets(ctx.body);
  return jsonResponse(200, { message: await ctx.herder.alterOffsets(ctx.param('connector'), offsets) });
}

export async function resetOffsets(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, { message: await ctx.herder.resetOffsets(ctx.param('connector')) });
}
