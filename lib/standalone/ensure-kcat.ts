/**
 * What `npm start`'s prestart step does about kcat, the embedded Kafka broker's one system dependency.
 * Nothing when KAFKA_BROKERS is set or kcat is installed. As root on Debian/Ubuntu it installs kcat with
 * apt-get, saying so. Otherwise it prints the command to run and still lets the start go ahead: the
 * worker file may name a Kafka cluster, and if not, the CLI fails with the same instructions.
 */
import { spawnSync } from 'node:child_process';
import { findExecutable, isDebianLike, isRoot, kcatInstallCommand } from './system-deps';

export type KcatCheck = 'not-needed' | 'present' | 'installed' | 'install-failed' | 'missing';

export interface EnsureKcatDeps {
  env: Record<string, string | undefined>;
  hasKcat: () => boolean;
  canInstall: () => boolean;
  /** Runs a shell command with inherited output; true on success. */
  run: (command: string) => boolean;
  say: (line: string) => void;
}

export const defaultEnsureKcatDeps: EnsureKcatDeps = {
  env: process.env,
  hasKcat: () => findExecutable('kcat') !== undefined,
  canInstall: () => isRoot() && isDebianLike() && findExecutable('apt-get') !== undefined,
  run: (command) => spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
  say: (line) => console.error(line),
};

export function ensureKcat(deps: EnsureKcatDeps = defaultEnsureKcatDeps): KcatCheck {
  if ((deps.env.KAFKA_BROKERS ?? '').trim() !== '') return 'not-needed';
  if (deps.hasKcat()) return 'present';
  const command = kcatInstallCommand();
  if (deps.canInstall()) {
    deps.say(`lambda-connect: kcat (the embedded Kafka broker) is missing; installing it: ${command}`);
    if (deps.run(command) && deps.hasKcat()) return 'installed';
    deps.say(`lambda-connect: installing kcat failed. Run it yourself: ${command}`);
    return 'install-failed';
  }
  deps.say(
    `lambda-connect: kcat is not installed; standalone mode needs it for its embedded Kafka broker.\n` +
      `  Install it with: ${command}\n  or point KAFKA_BROKERS at an existing Kafka cluster.`,
  );
  return 'missing';
}
