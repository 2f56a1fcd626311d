export * from './file-stream-source-connector';
export * from './file-stream-source-task';
export * from './file-stream-sink-connector';
