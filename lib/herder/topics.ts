/** Topic tracking (KIP-558). Like Kafka, these endpoints do not check that the connector exists. */
import { ForbiddenError } from '#lib/errors';
import type { HerderDeps } from './deps';
import { messages } from './messages';

export async function connectorTopics(deps: HerderDeps, name: string): Promise<string[]> {
  if (!deps.settings.topicTrackingEnabled) throw new ForbiddenError(messages.topicTrackingDisabled);
  return deps.stores.topics.list(name);
}

export async function resetConnectorTopics(deps: HerderDeps, name: string): Promise<void> {
  if (!deps.settings.topicTrackingEnabled) throw new ForbiddenError(messages.topicTrackingDisabled);
  if (!deps.settings.topicTrackingAllowReset) throw new ForbiddenError(messages.topicTrackingResetDisabled);
  await deps.stores.topics.reset(name);
}
