/**
 * Where the REST server listens. Port: --port, else $PORT, else the worker's `listeners`, else 8083.
 * Host: --host, else the worker's `listeners` (an empty host there means every interface, as in Kafka),
 * else 127.0.0.1. `CONNECT_LISTENERS` in the environment wins over `listeners` in the worker file.
 */
import { envName } from '#lib/config/worker-settings';
import { parsePort } from './cli-args';
import { UsageError } from './errors';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8083;

export interface ListenAddress {
  host: string;
  port: number;
}

type Env = Record<string, string | undefined>;

export function listenAddress(args: { host?: string; port?: number }, env: Env, worker: Record<string, string>): ListenAddress {
  const listener = firstListener(env[envName('listeners')] ?? worker.listeners);
  const envPort = env.PORT === undefined || env.PORT === '' ? undefined : parsePort(env.PORT, 'PORT');
  return {
    host: args.host ?? listener?.host ?? DEFAULT_HOST,
    port: args.port ?? envPort ?? listener?.port ?? DEFAULT_PORT,
  };
}

function firstListener(listeners: string | undefined): Partial<ListenAddress> | undefined {
  const first = listeners?.split(',')[0]?.trim();
  if (!first) return undefined;
  const match = /^(https?):\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?\/?$/i.exec(first);
  if (!match) throw new UsageError(`listeners must look like http://host:port, got '${first}'`);
  if (match[1]?.toLowerCase() === 'https') throw new UsageError(`standalone mode serves plain HTTP only; listeners is '${first}'`);
  const host = (match[2] ?? '').replace(/^\[|\]$/g, '');
  return { host: host === '' ? '0.0.0.0' : host, ...(match[3] === undefined ? {} : { port: parsePort(match[3], 'listeners') }) };
}
