/**
 * Loads the REST API's Lambda handler. Imported on demand, after standalone mode has set the
 * environment, because the composition root reads the environment once when it first runs.
 */
import type { HttpApiHandler } from './http-server';

export async function loadConnectApiHandler(): Promise<HttpApiHandler> {
  const module: { handler?: unknown } = await import('#functions/connect-api');
  if (typeof module.handler !== 'function') throw new Error('functions/connect-api.ts does not export a handler function');
  return module.handler as HttpApiHandler;
}
