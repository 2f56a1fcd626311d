/**
 * The one system program standalone mode needs: kcat, whose bundled librdkafka mock cluster is the
 * embedded Kafka broker. Also used by `bin/ensure-system-deps.js` (the `prestart` script).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { MissingSystemDependencyError } from './errors';

/** The first executable called `name` on PATH, or undefined. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Debian and Ubuntu (and their derivatives) have kcat in their main archive. */
export function isDebianLike(): boolean {
  return existsSync('/etc/debian_version');
}

/** The command that installs kcat here, to print or (as root on Debian/Ubuntu) to run. */
export function kcatInstallCommand(): string {
  if (process.platform === 'darwin') return 'brew install kcat';
  return isRoot() ? 'apt-get update && apt-get install -y kcat' : 'sudo apt-get update && sudo apt-get install -y kcat';
}

export function missingKcatError(): MissingSystemDependencyError {
  const command = kcatInstallCommand();
  return new MissingSystemDependencyError(
    'kcat',
    command,
    `kcat is not installed. Standalone mode runs its embedded Kafka broker with kcat (librdkafka's mock cluster). ` +
      `Install it with:\n  ${command}\nor use an existing Kafka cluster instead: KAFKA_BROKERS=host1:9092,host2:9092`,
  );
}
