/**
 * The `/connector-plugins/{p}/config/validate` result, computed as Kafka's
 * `AbstractHerder.validateConnectorConfig`: framework keys (enriched with transforms and
 * predicates), the connector's own keys, then client-override and converter entries. Problems that
 * are not a body (no or unknown `connector.class`) throw BadRequestError.
 */
import { BadRequestError } from '#lib/errors';
import type { ConfigInfos, RequestConfig } from '#lib/herder/types';
import { validateClientOverrides, type ClientOverridePolicy } from './client-overrides';
import { clientSecurityConfigDef } from './client-security-configs';
import type { ConfigDef } from './config-def';
import { generateResult, mergeConfigInfos } from './config-infos';
import { newConfigValue, type ConfigKey } from './config-types';
import * as cc from './connector-config';
import { CONVERTER_SLOTS, inHashMapOrder, validateConverterConfig } from './converter-validation';
import { enrich } from './enrich';
import { javaMapToString } from './java-format';
import { ConnectorClassError } from './plugin-errors';
import type { PluginRegistry } from './plugin-registry';
import { hasDlqTopicConfig, sinkConnectorConfigDef, validateSinkConfig } from './sink-connector-config';
import { sourceConnectorConfigDef, usesTopicCreation } from './source-connector-config';
import type { ConnectorDescriptor } from './types';

export interface ValidateOptions {
  /** The worker's `connector.client.config.override.policy`; Kafka's default is All. */
  overridePolicy?: ClientOverridePolicy;
  /** Client ConfigDefs for `*.override.*` entries; by default the shared security keys. */
  clientConfigDefs?: { producer?: ConfigDef; consumer?: ConfigDef; admin?: ConfigDef };
}

export async function validateConnectorConfig(registry: PluginRegistry, config: RequestConfig, options: ValidateOptions = {}): Promise<ConfigInfos> {
  const connType = config[cc.CONNECTOR_CLASS_CONFIG];
  if (connType === null || connType === undefined) throw new BadRequestError(`Connector config ${javaMapToString(config)} contains no connector type`);
  const descriptor = lookUpConnector(registry, connType);
  const connector = descriptor.create();
  const isSink = descriptor.type === 'sink';
  const resolveClass = (name: string): string | undefined => registry.resolveClass(name);

  const enriched = enrich(registry, isSink ? sinkConnectorConfigDef(registry) : sourceConnectorConfigDef(registry), config, false);
  const validated = enriched.validateAll(config, { resolveClass });
  if (isSink) validateSinkConfig(config, validated);
  for (const [key, value] of Object.entries(config)) {
    if (value !== null) continue;
    if (!validated.has(key)) validated.set(key, newConfigValue(key));
    validated.get(key)?.errorMessages.push('Null value can not be supplied as the configuration value.');
  }

  const connectorDef = connector.config();
  const connectorValues = connector.validate ? await connector.validate(config) : connectorDef.validate(config, { resolveClass });
  const keys = new Map<string, ConfigKey>(enriched.configKeys());
  for (const [name, key] of connectorDef.configKeys()) keys.set(name, key);
  const groups = [...new Set([...enriched.groups(), ...connectorDef.groups()])];
  // Kafka collects the framework results in a HashMap; its order places the undefined-key entries.
  const values = [...inHashMapOrder(validated), ...connectorValues];

  const converters = [CONVERTER_SLOTS.header, CONVERTER_SLOTS.key, CONVERTER_SLOTS.value].map((slot) =>
    validateConverterConfig(registry, config, validated.get(slot.property), slot),
  );
  const result = generateResult(connType, keys, values, groups);
  return mergeConfigInfos(connType, result, ...clientOverrideInfos(isSink, config, options), ...converters);
}

/** Producer, consumer, admin entries, for the clients this connector will use (Kafka's rules). */
function clientOverrideInfos(isSink: boolean, config: RequestConfig, options: ValidateOptions): (ConfigInfos | null)[] {
  const policy = options.overridePolicy ?? 'All';
  const defs = options.clientConfigDefs ?? {};
  const hasDlq = hasDlqTopicConfig(config);
  const usesProducer = !isSink || hasDlq;
  const usesConsumer = isSink;
  const usesAdmin = isSink ? hasDlq : usesTopicCreation(config);
  const infos = (used: boolean, prefix: string, def: ConfigDef | undefined): ConfigInfos | null =>
    used ? validateClientOverrides(config, prefix, def ?? clientSecurityConfigDef(), policy) : null;
  return [
    infos(usesProducer, cc.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX, defs.producer),
    infos(usesConsumer, cc.CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX, defs.consumer),
    infos(usesAdmin, cc.CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX, defs.admin),
  ];
}

/** We answer an unknown class with 400 here (Kafka: 500, an unwrapped ExecutionException). */
function lookUpConnector(registry: PluginRegistry, connType: string): ConnectorDescriptor {
  try {
    return registry.connector(connType);
  } catch (err) {
    if (err instanceof ConnectorClassError) throw new BadRequestError(err.message, { cause: err });
    throw err;
  }
}

/** The 400 message of an invalid create/update (Kafka's `maybeAddConfigErrors`); `{connectorType}` is literal. */
export function configErrorsMessage(infos: ConfigInfos): string {
  const lines = [`Connector configuration is invalid and contains the following ${infos.error_count} error(s):`];
  for (const config of infos.configs) lines.push(...config.value.errors);
  lines.push('You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`');
  return lines.join('\n');
}

/** The resource-level check of the validate endpoint: `Included connector type X does not match request type P`. */
export function ensureIncludedConnectorTypeMatches(pluginName: string, config: RequestConfig): void {
  const included = config[cc.CONNECTOR_CLASS_CONFIG];
  if (included !== null && included !== undefined && !normalizedPluginName(included).endsWith(normalizedPluginName(pluginName))) {
    throw new BadRequestError(`Included connector type ${included} does not match request type ${pluginName}`);
  }
}

/** Strips a trailing `Connector`, but never down to an empty name. */
function normalizedPluginName(name: string): string {
  return name.endsWith('Connector') && name.length > 'Connector'.length ? name.slice(0, -'Connector'.length) : name;
}
