/**
 * Response builders. JSON bodies are written by `stringifyJson`, which also accepts bigints (the
 * stores return integers beyond 2^53 as bigints so that offsets stay exact) and writes them as plain
 * integer literals.
 */
import type { ApiResponse } from './types';

export const JSON_CONTENT_TYPE = 'application/json';

export function jsonResponse(statusCode: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { statusCode, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: stringifyJson(value) };
}

/** 202/204 and the like: no body, so no Content-Type either (as Jersey answers). */
export function emptyResponse(statusCode: number, headers: Record<string, string> = {}): ApiResponse {
  return { statusCode, headers };
}

export function stringifyJson(value: unknown): string {
  return write(value) ?? 'null';
}

/** Mirrors JSON.stringify (undefined members dropped, undefined array items written as null). */
function write(value: unknown): string | undefined {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    const text = write(member);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
