/**
 * Matches a request against the route table the way Jersey does: templates are matched on the raw
 * path segment by segment (`{name}` takes one non-empty segment), a GET route also answers HEAD, and
 * OPTIONS on a known path is answered automatically with the allowed methods. An unknown path is a
 * 404, a known path with another method a 405.
 */
import type { Herder } from '#lib/herder/types';
import type { JsonNode } from './json-parser';
import { decodePathSegment, splitPath } from './path';
import type { QueryParams } from './query';
import { MethodNotAllowedError, RouteNotFoundError } from './rest-errors';
import type { ApiResponse, RestLogger, RestSettings } from './types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  herder: Herder;
  settings: RestSettings;
  log: RestLogger;
  health: { check: () => Promise<unknown>; timeoutMs: number };
  /** A percent-decoded path parameter of the matched template. */
  param(name: string): string;
  query: QueryParams;
  /** The parsed JSON body; only read for routes that consume one. */
  body: JsonNode | undefined;
}

export interface Route {
  method: HttpMethod;
  /** Template such as `/connectors/{connector}/tasks/{task}/status`. */
  path: string;
  handler: (ctx: RouteContext) => Promise<ApiResponse>;
  /** The endpoint reads a JSON body (Content-Type, size and syntax are then checked). */
  consumesJson?: boolean;
}

export type RouteMatch =
  | { kind: 'route'; route: Route; params: ReadonlyMap<string, string> }
  | { kind: 'options'; allow: readonly string[] };

type Segment = { literal: string } | { param: string };

export type Router = (method: string, rawPath: string) => RouteMatch;

export function createRouter(routes: readonly Route[]): Router {
  const compiled = routes.map((route) => ({ route, segments: compile(route.path) }));
  return (method, rawPath) => {
    const raw = splitPath(rawPath);
    const candidates = compiled.filter((c) => matches(c.segments, raw));
    if (candidates.length === 0) throw new RouteNotFoundError();
    const target = method === 'HEAD' ? 'GET' : method;
    const found = candidates.find((c) => c.route.method === target);
    if (found !== undefined) return { kind: 'route', route: found.route, params: extractParams(found.segments, raw) };
    const allow = allowedMethods(candidates.map((c) => c.route.method));
    if (method === 'OPTIONS') return { kind: 'options', allow };
    throw new MethodNotAllowedError(allow);
  };
}

function compile(template: string): Segment[] {
  return splitPath(template).map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s }));
}

function matches(segments: readonly Segment[], raw: readonly string[]): boolean {
  if (segments.length !== raw.length) return false;
  return segments.every((segment, i) => {
    const value = raw[i] ?? '';
    return 'literal' in segment ? segment.literal === value : value !== '';
  });
}

function extractParams(segments: readonly Segment[], raw: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  segments.forEach((segment, i) => {
    if ('param' in segment) params.set(segment.param, decodePathSegment(raw[i] ?? ''));
  });
  return params;
}

/** Jersey's list: the resource's methods, plus HEAD when GET is there, plus OPTIONS. */
function allowedMethods(methods: readonly HttpMethod[]): string[] {
  const allow = new Set<string>(methods);
  if (allow.has('GET')) allow.add('HEAD');
  allow.add('OPTIONS');
  return [...allow];
}
