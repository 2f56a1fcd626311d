/**
 * Binds a server and resolves with the port it got; a taken port becomes a StandaloneError that says so.
 */
import type { Server } from 'node:net';
import { StandaloneError } from './errors';

export function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      if (err.code === 'EADDRINUSE') {
        reject(new StandaloneError('PORT_IN_USE', `Port ${port} on ${host} is already in use: stop what uses it or pick another with --port`, { cause: err }));
      } else reject(err);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
