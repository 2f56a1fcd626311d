/**
 * Kafka's `ConfigProvider` (KIP-297): a named source of config values that `${provider:[path:]key}`
 * references in connector configs are resolved from, inside tasks and connectors only.
 */

/** One provider. `get` returns the values it has for `keys` at `path` ("" when the reference has
 *  none); a key it does not know is simply absent, which leaves its reference as written. Throws
 *  (a `ConfigException` or a retriable error) when the source cannot be read. */
export interface ConfigProvider {
  get(path: string, keys: ReadonlySet<string>): Promise<ReadonlyMap<string, string>>;
}

/** Resolves the references in a config map, as Kafka's `ConfigTransformer` does. */
export interface ConfigResolver {
  /** A copy of `config` with every resolvable reference replaced; the input is not changed. */
  resolve(config: Readonly<Record<string, string>>): Promise<Record<string, string>>;
}
