export * from './file-stream-source-connector';
export * from './file-stream-source-task';
export * from './file-stream-sink-connector';
export * from './file-stream-sink-task';
export { javaValueString } from './java-value-string';
