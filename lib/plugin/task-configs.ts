/**
 * The framework's part of task config generation (Kafka's `Worker.connectorTaskConfigs`): the
 * connector's configs, checked against `tasks.max`, each completed with `task.class` and, when the
 * connector config has them, `topics` / `topics.regex`.
 */
import { NAME_CONFIG, TASKS_MAX_ENFORCE_CONFIG } from './connector-config';
import { javaTrim } from './java-format';
import { TooManyTasksError } from './plugin-errors';
import { TOPICS_CONFIG, TOPICS_REGEX_CONFIG } from './sink-connector-config';
import type { Connector } from './types';

export const TASK_CLASS_CONFIG = 'task.class';

/** Call after `connector.start(connectorConfig)`. Throws TooManyTasksError unless `tasks.max.enforce=false`. */
export async function buildTaskConfigs(connector: Connector, connectorConfig: Readonly<Record<string, string>>, maxTasks: number): Promise<Record<string, string>[]> {
  const taskClass = connector.taskClass();
  const taskConfigs = await connector.taskConfigs(maxTasks);
  if (taskConfigs.length > maxTasks && enforcesTasksMax(connectorConfig)) {
    throw new TooManyTasksError(connectorConfig[NAME_CONFIG] ?? '', taskConfigs.length, maxTasks);
  }
  return taskConfigs.map((props) => {
    const taskConfig: Record<string, string> = { ...props, [TASK_CLASS_CONFIG]: taskClass };
    for (const key of [TOPICS_CONFIG, TOPICS_REGEX_CONFIG]) {
      const value = connectorConfig[key];
      if (value !== undefined) taskConfig[key] = value;
    }
    return taskConfig;
  });
}

/** `tasks.max.enforce` (default true); the config has been validated, so anything but "false" enforces. */
function enforcesTasksMax(connectorConfig: Readonly<Record<string, string>>): boolean {
  const value = connectorConfig[TASKS_MAX_ENFORCE_CONFIG];
  return value === undefined || javaTrim(value).toLowerCase() !== 'false';
}
