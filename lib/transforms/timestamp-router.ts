/**
 * `org.apache.kafka.connect.transforms.TimestampRouter`: sets the topic to `topic.format` with
 * `${topic}` and `${timestamp}` replaced by the topic and the record timestamp formatted with
 * `timestamp.format` (SimpleDateFormat, UTC). A record without a timestamp is an error.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { DataError } from '#lib/errors';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { SimpleDateFormat } from './date-format/simple-date-format';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';

export const TIMESTAMP_ROUTER_CLASS = `${TRANSFORMS_PACKAGE}.TimestampRouter`;

export const TIMESTAMP_ROUTER_OVERVIEW =
  "Update the record's topic field as a function of the original topic value and the record timestamp." +
  '<p/>' +
  'This is mainly useful for sink connectors, since the topic field is often used to determine the equivalent entity name in the destination system' +
  '(e.g. database table or search index name).';

export function timestampRouterConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({
      name: 'topic.format', type: 'STRING', defaultValue: '${topic}-${timestamp}', importance: 'HIGH',
      documentation: 'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.',
    })
    .define({
      name: 'timestamp.format', type: 'STRING', defaultValue: 'yyyyMMdd', importance: 'HIGH',
      documentation: 'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.',
    });
}

const CONFIG_DEF = timestampRouterConfigDef();

export class TimestampRouter<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #topicFormat = '';
  #timestampFormat = new SimpleDateFormat('yyyyMMdd');

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#topicFormat = config.getString('topic.format') ?? '';
    const pattern = config.getString('timestamp.format') ?? '';
    try {
      this.#timestampFormat = new SimpleDateFormat(pattern);
    } catch (err) {
      // Java compiles the pattern on first use and fails the record; failing at configure is earlier and clearer.
      throw new ConfigException('timestamp.format', pattern, err instanceof Error ? err.message : String(err));
    }
  }

  apply(record: R): R | null {
    if (record.timestamp === null || record.timestamp === undefined) throw new DataError(`Timestamp missing on record: ${describe(record)}`);
    const formatted = this.#timestampFormat.format(new Date(record.timestamp));
    const topic = this.#topicFormat.replaceAll('${topic}', () => record.topic).replaceAll('${timestamp}', () => formatted);
    return { ...record, topic };
  }

  config(): ConfigDef {
    return timestampRouterConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

/** A short rendering in the spirit of Kafka's record `toString()`. */
function describe(record: ConnectRecord): string {
  return `ConnectRecord{topic='${record.topic}', kafkaPartition=${record.kafkaPartition}, key=${String(record.key)}, value=${String(record.value)}, timestamp=${record.timestamp}}`;
}

export const timestampRouterDescriptor = transformationDescriptor(TIMESTAMP_ROUTER_CLASS, timestampRouterConfigDef, () => new TimestampRouter());
