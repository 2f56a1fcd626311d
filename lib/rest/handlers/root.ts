/** RootResource: server info and the health check (KIP-1017). */
import { jsonResponse } from '../json-response';
import type { RouteContext } from '../router';
import type { ApiResponse } from '../types';

/** Kafka's WorkerStatus bodies; they are not ErrorMessages, even on 500/503. */
export const HEALTHY = { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' };
export const STARTING = { status: 'starting', message: 'Worker is still starting up.' };
export const UNHEALTHY = {
  status: 'unhealthy',
  message: 'Worker was unable to handle this request and may be unable to handle other requests.',
};

export async function serverInfo(ctx: RouteContext): Promise<ApiResponse> {
  return jsonResponse(200, await ctx.herder.serverInfo());
}

/** 200 when the probe completes in time, 503 "starting" when it does not, 500 "unhealthy" when it fails. */
export async function health(ctx: RouteContext): Promise<ApiResponse> {
  const outcome = await withTimeout(Promise.resolve().then(() => ctx.health.check()), ctx.health.timeoutMs);
  if (outcome === 'ok') return jsonResponse(200, HEALTHY);
  if (outcome === 'timeout') return jsonResponse(503, STARTING);
  ctx.log.error('Health check failed', { error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
  return jsonResponse(500, UNHEALTHY);
}

async function withTimeout(probe: Promise<unknown>, ms: number): Promise<'ok' | 'timeout' | { error: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const checked = probe.then(
    () => 'ok' as const,
    (error: unknown) => ({ error }),
  );
  try {
    return await Promise.race([checked, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
