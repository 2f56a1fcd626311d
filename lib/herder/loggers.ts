/**
 * `/admin/loggers`. Levels set through the API are kept in the shared store, so that every function
 * instance (and a restarted standalone process) applies them, and in this process's registry.
 * A "worker" in lambda-connect is the whole deployment, so both scopes change every instance; the
 * difference that remains is Kafka's response (200 with the names vs 204).
 */
import { NotFoundError } from '#lib/errors';
import { ROOT_LOGGER, type LogLevel } from '#lib/logging/levels';
import { loggers as registry } from '#lib/logging/logger';
import type { HerderDeps } from './deps';
import { messages } from './messages';
import type { LoggerLevel } from './types';

export async function allLoggers(deps: HerderDeps): Promise<Record<string, LoggerLevel>> {
  registry.load(await deps.stores.loggers.all());
  const result: Record<string, LoggerLevel> = {};
  // Kafka's TreeMap order: String.compareTo, i.e. UTF-16 code units (not the locale's collation).
  for (const [name, setting] of [...registry.explicitLevels()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    result[name] = { level: setting.level, last_modified: setting.lastModified };
  }
  return result;
}

export async function loggerLevel(deps: HerderDeps, name: string): Promise<LoggerLevel> {
  registry.load(await deps.stores.loggers.all());
  const key = name.toLowerCase() === ROOT_LOGGER ? ROOT_LOGGER : name;
  if (!registry.isKnown(key)) throw new NotFoundError(messages.loggerNotFound(name));
  return { level: registry.effectiveLevel(key), last_modified: registry.explicit(key)?.lastModified ?? null };
}

/** Sets the namespace and every known logger whose name starts with it (Kafka's plain prefix
 *  match, so `a.b` also takes in `a.bc`); returns the affected names, sorted. */
export async function setLoggerLevel(deps: HerderDeps, namespace: string, level: LogLevel): Promise<string[]> {
  registry.load(await deps.stores.loggers.all());
  const now = (deps.now?.() ?? new Date()).getTime();
  const key = namespace.toLowerCase() === ROOT_LOGGER ? ROOT_LOGGER : namespace;
  registry.declare(key);
  const affected = registry.knownNames().filter((name) => key === ROOT_LOGGER || name.startsWith(key));
  // Deepest first, root last: each logger is compared with the level it had before this request,
  // as in Kafka, which appends the namespace (or root) logger after the loggers below it.
  for (const name of [...affected].sort((a, b) => depth(b) - depth(a))) {
    registry.set(name, level, now);
    const setting = registry.explicit(name);
    if (setting) await deps.stores.loggers.put(name, { level: setting.level, lastModified: setting.lastModified });
  }
  return affected.sort();
}

function depth(name: string): number {
  return name === ROOT_LOGGER ? 0 : name.split('.').length;
}
