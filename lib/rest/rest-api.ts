/**
 * The REST API as one function from ApiRequest to ApiResponse, shared by the Lambda handler and the
 * standalone server. Pipeline: route (404/405, automatic OPTIONS) → read the JSON body when the
 * route consumes one (415/413/400) → handler → errors mapped in `http-errors.ts` → CORS headers →
 * no body for HEAD.
 */
import { consoleRestLogger } from './console-logger';
import { errorResponse } from './http-errors';
import { emptyResponse } from './json-response';
import { parseQuery } from './query';
import { readJsonBody } from './request-body';
import { createRouter, type RouteContext } from './router';
import { ADMIN_PREFIX, routes } from './routes';
import { corsHeaders } from './cors';
import type { ApiRequest, ApiResponse, RestApi, RestDeps } from './types';

const DEFAULT_HEALTH_TIMEOUT_MS = 10_000;

export function createRestApi(deps: RestDeps): RestApi {
  const { herder, settings } = deps;
  const log = deps.log ?? consoleRestLogger;
  const health = {
    check: deps.healthCheck ?? (() => herder.listConnectors()),
    timeoutMs: deps.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
  };
  const router = createRouter(settings.adminEnabled ? routes : routes.filter((r) => !r.path.startsWith(ADMIN_PREFIX)));

  async function dispatch(req: ApiRequest): Promise<ApiResponse> {
    const match = router(req.method, req.path);
    if (match.kind === 'options') return emptyResponse(200, { Allow: match.allow.join(',') });
    const { route, params } = match;
    const ctx: RouteContext = {
      herder,
      settings,
      log,
      health,
      param: (name) => {
        const value = params.get(name);
        if (value === undefined) throw new Error(`Route ${route.path} has no parameter {${name}}`);
        return value;
      },
      query: parseQuery(req.rawQuery),
      body: route.consumesJson ? readJsonBody(req, settings.maxBodyBytes) : undefined,
    };
    return route.handler(ctx);
  }

  return {
    async handle(req) {
      let response: ApiResponse;
      try {
        response = await dispatch(req);
      } catch (err) {
        response = errorResponse(err, log, { method: req.method, path: req.path });
      }
      const headers = { ...response.headers, ...corsHeaders(req, settings) };
      return req.method === 'HEAD' ? { statusCode: response.statusCode, headers } : { ...response, headers };
    },
  };
}
