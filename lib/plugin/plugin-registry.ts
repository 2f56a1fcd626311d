/**
 * The installed plugins, looked up the way Kafka's `Plugins` and `DelegatingClassLoader` do: by
 * fully qualified class name or by a unique alias (simple name, or simple name without its type
 * suffix; an alias shared by two classes is ignored). Connectors have one more fallback by simple
 * name, with Kafka's "Failed to find any class…" / "More than one connector matches alias…" errors.
 */
import type { PluginInfo } from '#lib/herder/types';
import { ConnectorClassError } from './plugin-errors';
import { pluginDescString, prunedName, simpleName, UNDEFINED_VERSION } from './plugin-names';
import { isConnectorDescriptor, PLUGIN_TYPE_ORDER, type AnyPluginDescriptor, type ConnectorDescriptor, type PluginType } from './types';

/** The order in which Kafka's `connectorPluginConfig` tests a class against the plugin interfaces. */
const INSTANCEOF_ORDER: readonly PluginType[] = ['sink', 'source', 'converter', 'header_converter', 'transformation', 'predicate'];

export class PluginRegistry {
  readonly #descriptors: AnyPluginDescriptor[] = [];
  #aliases: Map<string, string> | undefined;

  /** Adds plugins; a class may be registered once per type (e.g. as converter and header_converter). */
  register(...descriptors: AnyPluginDescriptor[]): this {
    for (const descriptor of descriptors) {
      if (this.#descriptors.some((d) => d.className === descriptor.className && d.type === descriptor.type)) {
        throw new Error(`Plugin ${descriptor.className} is already registered as ${descriptor.type}`);
      }
      this.#descriptors.push(descriptor);
    }
    this.#aliases = undefined;
    return this;
  }

  /** The plugins of one type, sorted by class name (Kafka keeps them in sorted sets). */
  descriptors(type: PluginType): AnyPluginDescriptor[] {
    return this.#descriptors.filter((d) => d.type === type).sort((a, b) => compare(a.className, b.className));
  }

  /** `/connector-plugins` entries in Kafka's order; a class of two types is listed once per type. */
  list(types: readonly PluginType[] = PLUGIN_TYPE_ORDER): PluginInfo[] {
    return PLUGIN_TYPE_ORDER.filter((type) => types.includes(type)).flatMap((type) =>
      this.descriptors(type).map((d) => ({ class: d.className, type: d.type, ...(d.version === undefined || d.version === UNDEFINED_VERSION ? {} : { version: d.version }) })),
    );
  }

  /** The class an alias or class name stands for, or undefined if no installed plugin has it. */
  resolveClass(classOrAlias: string): string | undefined {
    const className = this.aliases().get(classOrAlias) ?? classOrAlias;
    return this.#descriptors.some((d) => d.className === className) ? className : undefined;
  }

  /** Every registration of the class an alias or class name stands for, sink first … predicate last. */
  find(classOrAlias: string): AnyPluginDescriptor[] {
    const className = this.resolveClass(classOrAlias);
    const matches = this.#descriptors.filter((d) => d.className === className);
    return matches.sort((a, b) => INSTANCEOF_ORDER.indexOf(a.type) - INSTANCEOF_ORDER.indexOf(b.type));
  }

  /** The registration of that class as the given type, if it has one. */
  findOfType(classOrAlias: string, type: PluginType): AnyPluginDescriptor | undefined {
    return this.find(classOrAlias).find((d) => d.type === type);
  }

  /** The connector for a `connector.class` value; ConnectorClassError with Kafka's message if none or ambiguous. */
  connector(classOrAlias: string): ConnectorDescriptor {
    const direct = this.find(classOrAlias).find(isConnectorDescriptor);
    if (direct) return direct;
    const connectors = this.connectors();
    const matches = connectors.filter((d) => simpleName(d) === classOrAlias || simpleName(d) === `${classOrAlias}Connector`);
    const available = connectors.map(pluginDescString).join(', ');
    const [match, ...others] = matches;
    if (!match) {
      throw new ConnectorClassError(`Failed to find any class that implements Connector and which name matches ${classOrAlias}, available connectors are: ${available}`);
    }
    if (others.length > 0) {
      throw new ConnectorClassError(`More than one connector matches alias ${classOrAlias}. Please use full package and class name instead. Classes found: ${available}`);
    }
    return match;
  }

  /** Sink and source connectors together, sorted by class name then type. */
  connectors(): ConnectorDescriptor[] {
    return this.#descriptors.filter(isConnectorDescriptor).sort((a, b) => compare(a.className, b.className) || compare(a.type, b.type));
  }

  /** Kafka's `computeAliases`: simple and pruned names (plus declared aliases) that name exactly one class. */
  private aliases(): Map<string, string> {
    if (this.#aliases) return this.#aliases;
    const candidates = new Map<string, Set<string>>();
    const add = (alias: string, className: string): void => {
      const classes = candidates.get(alias) ?? new Set<string>();
      classes.add(className);
      candidates.set(alias, classes);
    };
    for (const d of this.#descriptors) {
      add(simpleName(d), d.className);
      add(prunedName(d), d.className);
      for (const alias of d.aliases ?? []) add(alias, d.className);
    }
    this.#aliases = new Map([...candidates].filter(([, classes]) => classes.size === 1).map(([alias, classes]) => [alias, [...classes][0] ?? alias]));
    return this.#aliases;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
