export * from './datagen-config';
export { DataGenSourceConnector, dataGenSourceDescriptor } from './datagen-source-connector';
export { DataGenSourceTask } from './datagen-source-task';
export { RECORD_SCHEMA, RecordFactory } from './datagen-records';
export { RateLimiter } from './rate-limiter';
