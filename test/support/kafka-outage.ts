/**
 * A Kafka cluster that can be killed and brought back behind the same bootstrap address, for
 * broker-outage tests. librdkafka's mock cluster (kcat) binds ephemeral ports, so a new cluster
 * never comes back at the old brokers' addresses; what stays fixed is the bootstrap address, as a
 * DNS name in front of a real cluster would: a TCP forwarder on one loopback port that passes each
 * connection to the current cluster's first broker. Clients learn the brokers' own addresses from
 * Metadata, as usual; after `revive()` the old ones refuse, and a client that recovers goes back
 * to the bootstrap address and finds the new brokers (same node ids, new ports).
 *
 * While killed, the forwarder accepts and closes at once (a connection reset, as a dead broker
 * behind a load balancer gives). The records of the killed cluster are gone with it, so consumers
 * that kept positions in the old partitions skip what the new ones hold below those positions (as
 * a Kafka consumer would). `freeze()` / `thaw()` stall the same cluster instead: a broker that
 * stops answering and comes back with its log, at the same addresses.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { startEmbeddedKafka, type EmbeddedKafka } from '#lib/standalone/embedded-kafka';

export interface KafkaWithOutages {
  /** The fixed bootstrap address (the forwarder), what clients are configured with. */
  readonly bootstrap: string[];
  /** The current cluster's own broker addresses; undefined while killed. */
  readonly brokers: string[] | undefined;
  /** Connections turned away at the bootstrap address while the cluster was dead: clients trying to recover. */
  readonly refused: number;
  /** Kills the cluster (kcat ends, every connection drops); its records are lost. */
  kill(): Promise<void>;
  /** Starts a new cluster behind the same bootstrap address. */
  revive(): Promise<void>;
  /** Stalls the cluster (SIGSTOP): the same brokers and records, but no answer to anything until `thaw`. */
  freeze(): void;
  /** Lets a stalled cluster run again (SIGCONT): it answers what queued up meanwhile. */
  thaw(): void;
  stop(): Promise<void>;
}

export async function startKafkaWithOutages(): Promise<KafkaWithOutages> {
  let cluster: EmbeddedKafka | undefined = await startEmbeddedKafka();
  const sockets = new Set<Socket>();
  let refused = 0;
  const server: Server = createServer((client) => {
    const target = cluster?.bootstrapServers[0];
    if (target === undefined) {
      refused += 1;
      return void client.destroy();
    }
    const [host, port] = splitAddress(target);
    const upstream = connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The Kafka forwarder has no TCP address');
  const dropConnections = (): void => {
    for (const s of sockets) s.destroy();
  };
  return {
    bootstrap: [`127.0.0.1:${address.port}`],
    get brokers() {
      return cluster?.bootstrapServers;
    },
    get refused() {
      return refused;
    },
    async kill() {
      const dying = cluster;
      cluster = undefined;
      dropConnections();
      await dying?.stop();
    },
    async revive() {
      if (cluster !== undefined) throw new Error('The cluster is running');
      cluster = await startEmbeddedKafka();
    },
    freeze() {
      signal(cluster, 'SIGSTOP');
    },
    thaw() {
      signal(cluster, 'SIGCONT');
    },
    async stop() {
      dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cluster?.stop();
      cluster = undefined;
    },
  };
}

function signal(cluster: EmbeddedKafka | undefined, name: 'SIGSTOP' | 'SIGCONT'): void {
  if (cluster?.pid === undefined) throw new Error('No running cluster to signal');
  process.kill(cluster.pid, name);
}

function splitAddress(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at), Number(address.slice(at + 1))];
}
