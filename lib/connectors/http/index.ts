export { HttpSinkConnector, httpSinkDescriptor } from './http-sink-connector';
export { HttpSinkTask } from './http-sink-task';
export { httpSinkConfigDef } from './http-sink-config-def';
export { parseHttpSinkConfig, type HttpSinkConfig } from './http-sink-config';
export * from './http-sink-keys';
