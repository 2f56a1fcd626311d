/**
 * librdkafka announces its mock cluster with one NOTICE line on stderr:
 * `%5|...|MOCK|...| [thrd:app]: Mock cluster enabled: original bootstrap.servers and security.protocol
 * ignored and replaced with 127.0.0.1:P1,127.0.0.1:P2,...` — the only place its ports are published.
 */
const NOTICE = /Mock cluster enabled:.*replaced with\s+(\S+)/;

/** The bootstrap servers announced in `stderrText`, or undefined while the line has not arrived. */
export function parseMockClusterNotice(stderrText: string): string[] | undefined {
  const line = stderrText.split(/\r?\n/).find((l, i, all) => NOTICE.test(l) && i < all.length - 1);
  const servers = line?.match(NOTICE)?.[1];
  return servers ? servers.split(',').filter((s) => s !== '') : undefined;
}
