/**
 * The command line of `lambda-connect standalone`: flags in `--flag value` or `--flag=value` form, and
 * connector config files. `--` ends the flags.
 */
import { UsageError } from './errors';

export interface StandaloneArgs {
  help: boolean;
  host?: string;
  port?: number;
  dataDir?: string;
  workerFile?: string;
  files: string[];
}

const VALUE_FLAGS = { '--host': 'host', '--port': 'port', '--data-dir': 'dataDir', '--worker': 'workerFile' } as const;

export function parseStandaloneArgs(argv: string[]): StandaloneArgs {
  const args: StandaloneArgs = { help: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if (!(flag in VALUE_FLAGS)) throw new UsageError(`Unknown option ${flag}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    const key = VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS];
    if (key === 'port') args.port = parsePort(value, flag);
    else args[key] = value;
  }
  return args;
}

export function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65_535) throw new UsageError(`${source} must be a port number from 0 to 65535, got '${value}'`);
  return port;
}

export const STANDALONE_USAGE = `Usage: lambda-connect standalone [options] [connector.properties|connector.json ...]

Runs lambda-connect's Kafka Connect REST API on this machine: the same Lambda handler as on AWS, with
an embedded DynamoDB (dynalite, kept in the data directory) and, unless KAFKA_BROKERS is set, an
embedded Kafka broker (librdkafka's mock cluster, run by kcat).

Options:
  --port N          REST port (default: $PORT, else the worker's listeners, else 8083)
  --host H          address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir DIR    where the embedded DynamoDB keeps its files (default: ./.lambda-connect)
  --worker FILE     worker.properties with Kafka Connect worker settings
  -h, --help        show this help

Each connector file (.properties, or .json as POST /connectors or PUT /connectors/<name>/config take
it) is created or updated through PUT /connectors/<name>/config once the API is up. As with
connect-standalone, a first file that is a worker config (no 'name', has e.g. bootstrap.servers) is
read as the worker file.

Environment:
  KAFKA_BROKERS         use this Kafka cluster (host:port,...) instead of the embedded broker
  LAMBDA_CONNECT_TABLE  DynamoDB table name (default: lambda-connect)
  PORT                  default REST port
  CONNECT_*             worker settings, e.g. CONNECT_REST_ADVERTISED_HOST_NAME (override --worker)
`;
