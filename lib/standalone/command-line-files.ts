/**
 * The files named on the command line: the worker file (--worker, or connect-standalone's habit of
 * naming it first) and the connector configs. All are read before anything starts, so a typo fails
 * fast with the file and line.
 */
import { readConnectorConfigFile, readWorkerProperties, type ConnectorConfigFile } from './config-files';

export interface CommandLineFiles {
  workerFile?: string;
  worker: Record<string, string>;
  connectors: ConnectorConfigFile[];
}

/** Keys that only a worker config has; a first file with one of them and no `name` is the worker's. */
const WORKER_KEYS = ['bootstrap.servers', 'key.converter', 'value.converter', 'offset.storage.file.filename', 'plugin.path', 'listeners'];

export async function readCommandLineFiles(workerFile: string | undefined, files: string[]): Promise<CommandLineFiles> {
  let connectorFiles = files;
  let worker: Record<string, string> = {};
  if (workerFile !== undefined) worker = await readWorkerProperties(workerFile);
  else if (files[0] !== undefined && !files[0].toLowerCase().endsWith('.json')) {
    const first = await readWorkerProperties(files[0]);
    if (first.name === undefined && WORKER_KEYS.some((key) => key in first)) {
      workerFile = files[0];
      worker = first;
      connectorFiles = files.slice(1);
    }
  }
  const connectors: ConnectorConfigFile[] = [];
  for (const file of connectorFiles) connectors.push(await readConnectorConfigFile(file));
  return { ...(workerFile === undefined ? {} : { workerFile }), worker, connectors };
}
