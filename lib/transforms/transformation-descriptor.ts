/** Registry descriptors for the bundled transformations: Kafka's class names and version. */
import type { ConfigDef } from '#lib/plugin/config-def';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation, TransformationDescriptor } from './transformation';

export const TRANSFORMS_PACKAGE = 'org.apache.kafka.connect.transforms';

export function transformationDescriptor(className: string, configDef: () => ConfigDef, create: () => Transformation): TransformationDescriptor {
  return Object.freeze({ className, type: 'transformation', version: BUNDLED_PLUGIN_VERSION, configDef, create });
}
