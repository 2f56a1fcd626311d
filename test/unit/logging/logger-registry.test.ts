import { describe, expect, it } from 'vitest';
import { LoggerRegistry } from '#lib/logging/logger-registry';

const T1 = 1_000;
const T2 = 2_000;

describe('LoggerRegistry levels', () => {
  it('gives the root logger INFO by default, with no last-modified time', () => {
    expect(new LoggerRegistry().explicit('root')).toEqual({ level: 'INFO', lastModified: null });
  });

  it('gives the root logger the level it is constructed with', () => {
    expect(new LoggerRegistry('WARN').effectiveLevel('root')).toBe('WARN');
  });

  it('lets a logger without a level inherit the root level', () => {
    expect(new LoggerRegistry('ERROR').effectiveLevel('org.example.Worker')).toBe('ERROR');
  });

  it('lets a logger inherit the level of its nearest dotted ancestor', () => {
    const registry = new LoggerRegistry();
    registry.set('org', 'WARN', T1);
    registry.set('org.example', 'DEBUG', T1);

    expect(registry.effectiveLevel('org.example.sub.Worker')).toBe('DEBUG');
  });

  it('does not treat a name prefix without a dot as an ancestor', () => {
    const registry = new LoggerRegistry();
    registry.set('org.ex', 'DEBUG', T1);

    expect(registry.effectiveLevel('org.example')).toBe('INFO');
  });
});

describe('LoggerRegistry.set', () => {
  it('gives the logger its own level and the time it was set', () => {
    const registry = new LoggerRegistry();

    registry.set('org.example', 'DEBUG', T1);

    expect(registry.explicit('org.example')).toEqual({ level: 'DEBUG', lastModified: T1 });
  });

  it('keeps the time of the last change when the level is set again unchanged', () => {
    const registry = new LoggerRegistry();
    registry.set('org.example', 'DEBUG', T1);

    registry.set('org.example', 'DEBUG', T2);

    expect(registry.explicit('org.example')?.lastModified).toBe(T1);
  });

  it('records the new time when the level changes', () => {
    const registry = new LoggerRegistry();
    registry.set('org.example', 'DEBUG', T1);

    registry.set('org.example', 'WARN', T2);

    expect(registry.explicit('org.example')).toEqual({ level: 'WARN', lastModified: T2 });
  });

  it('gives no level of its own to a logger that already inherits the requested level', () => {
    const registry = new LoggerRegistry('INFO');

    registry.set('org.example', 'INFO', T1);

    expect(registry.explicit('org.example')).toBeUndefined();
  });

  it('takes an explicit last-modified time when one is given', () => {
    const registry = new LoggerRegistry();

    registry.set('org.example', 'DEBUG', T2, null);

    expect(registry.explicit('org.example')).toEqual({ level: 'DEBUG', lastModified: null });
  });
});

describe('LoggerRegistry names', () => {
  it('knows the root logger from the start', () => {
    expect(new LoggerRegistry().knownNames()).toEqual(['root']);
  });

  it('knows declared loggers and loggers with a level, sorted', () => {
    const registry = new LoggerRegistry();
    registry.declare('org.z');
    registry.set('org.a', 'DEBUG', T1);

    expect(registry.knownNames()).toEqual(['org.a', 'org.z', 'root']);
  });

  it('does not know a logger that was never declared or set', () => {
    expect(new LoggerRegistry().isKnown('org.example')).toBe(false);
  });

  it('knows a declared logger', () => {
    const registry = new LoggerRegistry();

    registry.declare('org.example');

    expect(registry.isKnown('org.example')).toBe(true);
  });

  it('hands out a copy of the explicit levels', () => {
    const registry = new LoggerRegistry();

    registry.explicitLevels().clear();

    expect(registry.explicit('root')).toBeDefined();
  });
});

describe('LoggerRegistry.load', () => {
  it('applies levels stored by other instances, with their times', () => {
    const registry = new LoggerRegistry();

    registry.load({ 'org.example': { level: 'TRACE', lastModified: T1 } });

    expect(registry.explicit('org.example')).toEqual({ level: 'TRACE', lastModified: T1 });
  });

  it('overrides a level this instance had', () => {
    const registry = new LoggerRegistry();
    registry.set('org.example', 'DEBUG', T1);

    registry.load({ 'org.example': { level: 'ERROR', lastModified: T2 } });

    expect(registry.explicit('org.example')).toEqual({ level: 'ERROR', lastModified: T2 });
  });

  it('ignores a stored level it does not know', () => {
    const registry = new LoggerRegistry();

    registry.load({ 'org.example': { level: 'LOUD', lastModified: T1 } });

    expect(registry.isKnown('org.example')).toBe(false);
  });
});
