export { registerBuiltinConnectors } from './register-builtin-connectors';
export * from './file/index';
