import { describe, expect, it } from 'vitest';
import { parseMockClusterNotice } from '#lib/standalone/mock-cluster-notice';

const NOTICE =
  '%5|1795248459.735|MOCK|rdkafka#consumer-1| [thrd:app]: Mock cluster enabled: original bootstrap.servers and security.protocol ignored and replaced with 127.0.0.1:38151,127.0.0.1:45253,127.0.0.1:33507';

describe('parseMockClusterNotice', () => {
  it('reads every broker address from the NOTICE line', () => {
    expect(parseMockClusterNotice(`${NOTICE}\n`)).toEqual(['127.0.0.1:38151', '127.0.0.1:45253', '127.0.0.1:33507']);
  });

  it('finds the line among other output', () => {
    expect(parseMockClusterNotice(`%4|1|WARN|x| something\n${NOTICE}\n%3|2|FAIL|y| other\n`)).toHaveLength(3);
  });

  it('waits for the end of the line before trusting it', () => {
    expect(parseMockClusterNotice(NOTICE.slice(0, -6))).toBeUndefined();
  });

  it('returns undefined when there is no notice', () => {
    expect(parseMockClusterNotice('%3|1|FAIL|x| failed\n')).toBeUndefined();
  });
});
