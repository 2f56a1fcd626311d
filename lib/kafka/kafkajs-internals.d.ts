/**
 * The kafkajs 2.2.x internals our patches touch (see kafkajs-controller-fallback.ts,
 * kafkajs-null-header.ts and kafkajs-produce-request.ts). kafkajs has no `exports` map, so these paths resolve; nothing else in
 * the project may import them.
 */
declare module 'kafkajs/src/cluster/index.js' {
  interface BrokerMetadata {
    readonly nodeId: number;
  }
  interface ClusterMetadata {
    readonly controllerId?: number | null;
    readonly brokers: readonly BrokerMetadata[];
  }
  interface ClusterPrototype {
    findControllerBroker(this: ClusterInstance): Promise<unknown>;
    [key: symbol]: unknown;
  }
  interface ClusterInstance {
    readonly brokerPool?: { readonly metadata?: ClusterMetadata | null };
    findBroker(options: { nodeId: number }): Promise<unknown>;
  }
  const Cluster: { prototype: ClusterPrototype };
  export default Cluster;
}

declare module 'kafkajs/src/protocol/encoder.js' {
  interface EncoderPrototype {
    writeVarIntBytes(this: unknown, value: unknown): unknown;
    [key: symbol]: unknown;
  }
  interface EncoderInstance {
    buf: Buffer;
    offset: number;
    readonly buffer: Buffer;
  }
  const Encoder: { new (initialSize?: number): EncoderInstance; prototype: EncoderPrototype };
  export default Encoder;
}
