import { describe, expect, it } from 'vitest';
import { ensureKcat, type EnsureKcatDeps } from '#lib/standalone/ensure-kcat';

function deps(overrides: Partial<EnsureKcatDeps>): EnsureKcatDeps & { said: string[]; ran: string[] } {
  const said: string[] = [];
  const ran: string[] = [];
  return {
    env: {},
    hasKcat: () => false,
    canInstall: () => false,
    run: (command) => (ran.push(command), true),
    say: (line) => said.push(line),
    said,
    ran,
    ...overrides,
  };
}

describe('ensureKcat', () => {
  it('does nothing when KAFKA_BROKERS names a cluster', () => {
    const d = deps({ env: { KAFKA_BROKERS: 'kafka:9092' } });
    expect(ensureKcat(d)).toBe('not-needed');
    expect(d.said).toEqual([]);
  });

  it('does nothing when kcat is installed', () => {
    expect(ensureKcat(deps({ hasKcat: () => true }))).toBe('present');
  });

  it('installs kcat with apt-get where it can, saying so', () => {
    let installed = false;
    const d = deps({ canInstall: () => true, hasKcat: () => installed, run: (command) => ((installed = command.includes('apt-get install -y kcat')), true) });
    expect(ensureKcat(d)).toBe('installed');
    expect(d.said[0]).toContain('installing it');
  });

  it('reports a failed installation with the command to run', () => {
    const d = deps({ canInstall: () => true, run: () => false });
    expect(ensureKcat(d)).toBe('install-failed');
    expect(d.said[1]).toMatch(/apt-get install -y kcat|brew install kcat/);
  });

  it('prints the install command where it cannot install, without running anything', () => {
    const d = deps({});
    expect(ensureKcat(d)).toBe('missing');
    expect(d.ran).toEqual([]);
    expect(d.said.join('\n')).toMatch(/Install it with: .*(apt-get install -y kcat|brew install kcat)/);
  });
});
