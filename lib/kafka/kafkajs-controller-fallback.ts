/**
 * kafkajs sends CreateTopics, and the idempotent producer's InitProducerId, to the broker that the
 * Metadata response names as controller. librdkafka's mock cluster (our embedded broker) names
 * controller 0, which is none of its brokers (they are 1..N), so kafkajs fails with "Broker 0 not
 * found in the cached metadata" and the idempotent producer cannot start.
 *
 * The patch wraps kafkajs's `Cluster.prototype.findControllerBroker`, once per process. It only
 * changes anything when the controller id of the cached metadata is not one of the brokers of that
 * same metadata — which a real cluster never reports (it names one of the brokers it lists) — and
 * then uses the first listed broker: any broker answers InitProducerId for a non-transactional
 * producer, and the mock answers CreateTopics from any broker (with "unsupported").
 */
// kafkajs's cluster loads its connections: our swaps first.
import './kafkajs-preload';
import Cluster from 'kafkajs/src/cluster/index.js';

const INSTALLED = Symbol.for('lambda-connect.kafkajs.controller-fallback');

export interface ControllerMetadata {
  readonly controllerId?: number | null;
  readonly brokers: readonly { readonly nodeId: number }[];
}

/** The broker to use instead of an unknown controller, or undefined when kafkajs's lookup is fine. */
export function fallbackControllerId(metadata: ControllerMetadata | null | undefined): number | undefined {
  if (!metadata || metadata.controllerId === null || metadata.controllerId === undefined) return undefined;
  const { controllerId, brokers } = metadata;
  if (brokers.length === 0 || brokers.some((b) => b.nodeId === controllerId)) return undefined;
  return brokers[0]?.nodeId;
}

export function installControllerFallback(): void {
  const proto = Cluster.prototype;
  if (proto[INSTALLED] === true) return;
  const original = proto.findControllerBroker;
  if (typeof original !== 'function') throw new Error('kafkajs has no Cluster.prototype.findControllerBroker to patch: check the kafkajs version');
  proto.findControllerBroker = async function findControllerBroker() {
    const fallback = fallbackControllerId(this.brokerPool?.metadata);
    return fallback === undefined ? original.call(this) : this.findBroker({ nodeId: fallback });
  };
  proto[INSTALLED] = true;
}
