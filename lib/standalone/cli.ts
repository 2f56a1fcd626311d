/**
 * `lambda-connect standalone`: reads the command line and files, starts everything, prints where it
 * listens, and on SIGINT/SIGTERM stops it all (a second signal exits at once). Returns the exit code:
 * 0 after a clean stop, 1 when start-up fails, 2 for bad usage.
 */
import { resolve } from 'node:path';
import { parseStandaloneArgs, STANDALONE_USAGE } from './cli-args';
import { readCommandLineFiles } from './command-line-files';
import { StandaloneError, UsageError } from './errors';
import { listenAddress } from './listen-address';
import { startStandalone, type RunningStandalone } from './standalone-runtime';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

export const DEFAULT_DATA_DIR = '.lambda-connect';

export async function runStandaloneCli(argv: string[], output: CliOutput = consoleOutput): Promise<number> {
  // The AWS SDK's notice about its future Node.js support does not apply to the locked version used here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let running: RunningStandalone;
  try {
    const args = parseStandaloneArgs(argv);
    if (args.help) {
      output.out(STANDALONE_USAGE);
      return 0;
    }
    const files = await readCommandLineFiles(args.workerFile, args.files);
    const { host, port } = listenAddress(args, process.env, files.worker);
    running = await startStandalone({
      host,
      port,
      dataDir: resolve(args.dataDir ?? DEFAULT_DATA_DIR),
      worker: files.worker,
      connectors: files.connectors,
      onConnectorSubmitted: (c) => output.out(`${c.created ? 'Created' : 'Updated'} connector ${c.name} (${c.file})`),
    });
  } catch (err) {
    return reportStartFailure(err, output);
  }
  printBanner(running, output);
  await stopSignal();
  output.out('Stopping lambda-connect standalone...');
  await running.stop();
  return 0;
}

function printBanner(running: RunningStandalone, output: CliOutput): void {
  const everywhere = running.host === '0.0.0.0' || running.host === '::';
  const kafka =
    running.kafka.source === 'embedded' ? 'embedded mock cluster, data in memory only' : `from ${running.kafka.source}`;
  output.out(`lambda-connect standalone listening on ${running.url}${everywhere ? ` (all interfaces, port ${running.port})` : ''}`);
  output.out(`  Kafka bootstrap servers: ${running.kafka.bootstrapServers.join(',')} (${kafka})`);
  output.out(`  Data directory: ${running.dataDir}`);
  output.out('Press Ctrl+C to stop.');
}

function reportStartFailure(err: unknown, output: CliOutput): number {
  if (err instanceof UsageError) {
    output.err(`${err.message}\n\n${STANDALONE_USAGE}`);
    return 2;
  }
  if (err instanceof StandaloneError) output.err(`lambda-connect standalone: ${err.message}`);
  else output.err(`lambda-connect standalone failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 1;
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits immediately. */
function stopSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolveStop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
