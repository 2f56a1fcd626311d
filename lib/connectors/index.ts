export { registerBuiltinConnectors } from './register-builtin-connectors';
export * from './file/index';
export * as jdbc from './jdbc/index';
export * as datagen from './datagen/index';
export * as http from './http/index';
export { groupPartitions } from './group-partitions';
