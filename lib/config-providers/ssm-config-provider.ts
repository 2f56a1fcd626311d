/**
 * `${ssm:/param/name}` reads a String or SecureString parameter of Parameter Store (decrypted). The
 * keys of one config are read together; a parameter that does not exist stays as written. A path is
 * rejected as EnvVarConfigProvider rejects one, because parameter names hold no `:`.
 */
import { ConfigProviderError } from './errors';
import type { ParameterStorePort } from './ports';
import type { ConfigProvider } from './types';

export function createSsmConfigProvider(store: () => ParameterStorePort): ConfigProvider {
  return {
    async get(path, keys) {
      if (path !== '') throw new ConfigProviderError(`Path is not supported for the ssm config provider, invalid value '${path}'`);
      return store().getParameters([...keys]);
    },
  };
}
