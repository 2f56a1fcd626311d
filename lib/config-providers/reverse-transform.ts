/**
 * Kafka's `AbstractHerder.reverseTransform`: a connector started with resolved values hands back
 * task configs that may carry them; before task configs are stored, every key whose raw connector
 * value holds a reference gets that raw value back, so stored task configs (and `GET .../tasks`)
 * keep `${...}` and tasks resolve it when they start. Like Kafka, this goes by key: a connector that
 * copies a resolved value under another key stores that value.
 */
import { hasVariables } from './variable-pattern';

export function reverseTransform(rawConnectorConfig: Readonly<Record<string, string>>, taskConfigs: readonly Record<string, string>[]): Record<string, string>[] {
  const keys = Object.keys(rawConnectorConfig).filter((key) => hasVariables(rawConnectorConfig[key] ?? ''));
  return taskConfigs.map((taskConfig) => {
    const restored = { ...taskConfig };
    for (const key of keys) if (Object.hasOwn(restored, key)) restored[key] = rawConnectorConfig[key] ?? '';
    return restored;
  });
}
