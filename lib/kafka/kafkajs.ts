/**
 * kafkajs, as the project imports it: its values only through here (ESLint's no-restricted-imports
 * allows type imports from 'kafkajs' elsewhere), so that kafkajs-preload.ts runs before kafkajs loads.
 * ES modules evaluate their imports in source order: the preload comes first.
 */
import './kafkajs-preload';
import * as kafkajsNamespace from 'kafkajs';

export { CompressionTypes, Kafka, logLevel, Partitioners } from 'kafkajs';

/** Node's ESM loader does not see kafkajs's error classes as named exports; its `default` (module.exports) has them. */
const kafkajs = (kafkajsNamespace as unknown as { default?: typeof kafkajsNamespace }).default ?? kafkajsNamespace;

export const { KafkaJSAggregateError, KafkaJSConnectionError, KafkaJSError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSRequestTimeoutError } = kafkajs;
