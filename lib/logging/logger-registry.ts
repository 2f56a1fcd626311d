/**
 * The process-wide registry of named, hierarchical loggers and their levels. A logger without an
 * explicit level inherits from its nearest dotted ancestor, then from `root` — log4j's model, which
 * is what `/admin/loggers` exposes.
 */
import { ROOT_LOGGER, isLogLevel, type LogLevel } from './levels';

export interface LevelSetting {
  level: LogLevel;
  lastModified: number | null;
}

export class LoggerRegistry {
  readonly #known = new Set<string>([ROOT_LOGGER]);
  readonly #explicit = new Map<string, LevelSetting>();

  constructor(rootLevel: LogLevel = 'INFO') {
    this.#explicit.set(ROOT_LOGGER, { level: rootLevel, lastModified: null });
  }

  /** Declares a logger used by the code, so that it can be listed and addressed. */
  declare(name: string): void {
    this.#known.add(name);
  }

  knownNames(): string[] {
    return [...new Set([...this.#known, ...this.#explicit.keys()])].sort();
  }

  isKnown(name: string): boolean {
    return this.#known.has(name) || this.#explicit.has(name);
  }

  explicitLevels(): Map<string, LevelSetting> {
    return new Map(this.#explicit);
  }

  explicit(name: string): LevelSetting | undefined {
    return this.#explicit.get(name);
  }

  /** The level in force for a logger: its own, else its nearest ancestor's, else root's. */
  effectiveLevel(name: string): LogLevel {
    for (let current: string | undefined = name; current; current = parentOf(current)) {
      const setting = this.#explicit.get(current);
      if (setting) return setting.level;
    }
    return this.#explicit.get(ROOT_LOGGER)?.level ?? 'INFO';
  }

  /** Sets an explicit level, unless the logger is already at that level, its own or inherited
   *  (Kafka's rule): the timestamp changes only when the level in force does. */
  set(name: string, level: LogLevel, now: number, lastModified?: number | null): void {
    if (this.effectiveLevel(name) === level) return;
    this.#explicit.set(name, { level, lastModified: lastModified === undefined ? now : lastModified });
  }

  /** Applies levels loaded from the shared store (set by other function instances). */
  load(levels: Record<string, { level: string; lastModified: number | null }>): void {
    for (const [name, { level, lastModified }] of Object.entries(levels)) {
      if (isLogLevel(level)) this.#explicit.set(name, { level, lastModified });
    }
  }
}

function parentOf(name: string): string | undefined {
  if (name === ROOT_LOGGER) return undefined;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : ROOT_LOGGER;
}
