import { describe, expect, it } from 'vitest';
import { TooManyTasksError } from '#lib/plugin/plugin-errors';
import { buildTaskConfigs } from '#lib/plugin/task-configs';
import { fakeConnector } from './fake-plugins';

async function started(taskCount: (maxTasks: number) => number, config: Record<string, string>) {
  const connector = fakeConnector('com.x.FakeConnector', 'sink', { taskCount }).create();
  await connector.start(config);
  return connector;
}

describe('buildTaskConfigs', () => {
  it('adds task.class to every task config', async () => {
    const connector = await started((max) => max, { name: 'c' });
    expect(await buildTaskConfigs(connector, { name: 'c' }, 2)).toEqual([
      { name: 'c', 'task.index': '0', 'task.class': 'com.x.FakeConnectorTask' },
      { name: 'c', 'task.index': '1', 'task.class': 'com.x.FakeConnectorTask' },
    ]);
  });

  it('copies topics and topics.regex from the connector config', async () => {
    const connector = await started(() => 1, { name: 'c' });
    const [task] = await buildTaskConfigs(connector, { name: 'c', topics: 't1,t2', 'topics.regex': '' }, 1);
    expect(task).toMatchObject({ topics: 't1,t2', 'topics.regex': '' });
  });

  it('does not add topics the connector config lacks', async () => {
    const connector = await started(() => 1, { name: 'c' });
    expect(Object.keys((await buildTaskConfigs(connector, { name: 'c' }, 1))[0] ?? {})).not.toContain('topics');
  });

  it('fails a connector that generates more tasks than tasks.max', async () => {
    const connector = await started(() => 3, { name: 'c' });
    await expect(buildTaskConfigs(connector, { name: 'c' }, 2)).rejects.toThrow(
      new TooManyTasksError('c', 3, 2),
    );
    await expect(buildTaskConfigs(connector, { name: 'c' }, 2)).rejects.toThrow(
      'The connector c has generated 3 tasks, which is greater than 2, the maximum number of tasks it is configured to create. ' +
        "This behaviour should be considered a bug and is disallowed. If necessary, it can be permitted by reconfiguring the connector with 'tasks.max.enforce' set to false; " +
        'however, this option will be removed in a future release of Kafka Connect.',
    );
  });

  it('allows too many tasks when tasks.max.enforce is false', async () => {
    const connector = await started(() => 3, { name: 'c', 'tasks.max.enforce': ' False' });
    expect(await buildTaskConfigs(connector, { name: 'c', 'tasks.max.enforce': ' False' }, 2)).toHaveLength(3);
  });
});
