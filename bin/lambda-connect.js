#!/usr/bin/env node
// The lambda-connect command. Plain JavaScript so that it runs without a build: it registers tsx,
// which then loads the TypeScript sources (and their `#lib/...` imports) directly.
import { register } from 'tsx/esm/api';

const USAGE = `Usage: lambda-connect <command> [options]

Commands:
  standalone   run the Kafka Connect REST API on this machine (see: lambda-connect standalone --help)`;

const [command, ...args] = process.argv.slice(2);

if (command === undefined || command === '-h' || command === '--help') {
  console.log(USAGE);
  process.exit(command === undefined ? 2 : 0);
}
if (command !== 'standalone') {
  console.error(`Unknown command '${command}'.\n\n${USAGE}`);
  process.exit(2);
}

register();
const { runStandaloneCli } = await import('../lib/standalone/cli.ts');
// Exit explicitly: clients the handler created (Kafka, DynamoDB) may still hold the event loop open.
process.exit(await runStandaloneCli(args));
