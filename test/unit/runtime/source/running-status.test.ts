import { describe, expect, it, vi } from 'vitest';
import type { StatusRecord } from '#lib/store/types';
import { harness, uniqueName } from './harness';

const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the RUNNING status of a source window', () => {
  it('is stored before the first batch is sent, even when the write is slower than the first poll', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '5' });
    const events: string[] = [];
    const put = h.stores.statuses.putUnlessNewer.bind(h.stores.statuses);
    vi.spyOn(h.stores.statuses, 'putUnlessNewer').mockImplementation(async (status: StatusRecord, options) => {
      await turns(5);
      const stored = await put(status, options);
      events.push(`status ${status.state}`);
      return stored;
    });
    const send = h.producer.send.bind(h.producer);
    h.producer.send = async (records) => {
      events.push('send');
      return send(records);
    };

    expect(await h.run(name)).toMatchObject({ outcome: 'completed', produced: 5 });

    expect(events[0]).toBe('status RUNNING');
    expect(events.indexOf('send')).toBeGreaterThan(0);
  });

  it('fails the task without sending anything when the RUNNING write fails', async () => {
    const h = harness();
    const name = uniqueName();
    await h.create(name, { rows: '5' });
    const put = h.stores.statuses.putUnlessNewer.bind(h.stores.statuses);
    vi.spyOn(h.stores.statuses, 'putUnlessNewer').mockImplementation(async (status: StatusRecord, options) => {
      if (status.state === 'RUNNING') throw new Error('status table unavailable');
      return put(status, options);
    });

    expect(await h.run(name)).toMatchObject({ outcome: 'failed', produced: 0 });

    expect(h.producer.sent).toEqual([]);
    expect((await h.herder.taskStatus(name, 0)).trace).toMatch(/^Error: status table unavailable/);
  });
});
