/**
 * dynalite in a child process on the CPUs the measuring process does not use (taskset -c 1-…), so
 * DynamoDB's stand-in does not steal the measured core: an in-process dynalite costs milliseconds of
 * that core per request. Without taskset or a second CPU it still runs in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const TASKSET = '/usr/bin/taskset';
const SERVER = `
const server = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0)).resume();`;

export interface DynaliteProcess {
  readonly client: DynamoDBClient;
  /** Where dynalite runs, for the rows' notes. */
  readonly description: string;
  stop(): Promise<void>;
}

export async function startDynaliteProcess(): Promise<DynaliteProcess> {
  const others = cpus().length > 1 && existsSync(TASKSET) ? `1-${cpus().length - 1}` : undefined;
  const node = [process.execPath, '-e', SERVER];
  const child = others === undefined ? spawn(node[0] as string, node.slice(1)) : spawn(TASKSET, ['-c', others, ...node]);
  const port = await firstLine(child);
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  return {
    client,
    description: `dynalite in a child process${others === undefined ? '' : ` on CPUs ${others}`}`,
    async stop() {
      client.destroy();
      child.stdin?.end();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited with ${code}`)));
    if (child.stdout === null) return reject(new Error('dynalite has no stdout'));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
}
