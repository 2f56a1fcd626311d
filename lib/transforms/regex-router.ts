/**
 * `org.apache.kafka.connect.transforms.RegexRouter`: when the whole topic name matches `regex`,
 * the topic becomes `replacement` with Java's `$1` / `${name}` group references expanded
 * (`Matcher.replaceFirst`); other records pass unchanged. A bad regex is a config error.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import type { Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, transformationDescriptor } from './transformation-descriptor';
import { compileJavaRegex, type JavaPattern } from './util/java-regex';
import { expandJavaReplacement } from './util/java-replacement';
import { regexValidator } from './util/validators';

export const REGEX_ROUTER_CLASS = `${TRANSFORMS_PACKAGE}.RegexRouter`;

export const REGEX_ROUTER_OVERVIEW =
  'Update the record topic using the configured regular expression and replacement string.' +
  '<p/>Under the hood, the regex is compiled to a <code>java.util.regex.Pattern</code>. ' +
  'If the pattern matches the input topic, <code>java.util.regex.Matcher#replaceFirst()</code> is used with the replacement string to obtain the new topic.';

export function regexRouterConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'regex', type: 'STRING', defaultValue: NO_DEFAULT, validator: regexValidator(), importance: 'HIGH', documentation: 'Regular expression to use for matching.' })
    .define({ name: 'replacement', type: 'STRING', defaultValue: NO_DEFAULT, importance: 'HIGH', documentation: 'Replacement string.' });
}

const CONFIG_DEF = regexRouterConfigDef();

export class RegexRouter<R extends ConnectRecord = ConnectRecord> implements Transformation<R> {
  #regex: JavaPattern | undefined;
  #replacement = '';

  configure(props: Readonly<Record<string, string>>): void {
    const config = new AbstractConfig(CONFIG_DEF, props);
    this.#regex = compileJavaRegex(config.getString('regex'));
    this.#replacement = config.getString('replacement') ?? '';
  }

  apply(record: R): R | null {
    const match = this.#regex?.whole.exec(record.topic);
    if (!match) return record;
    return { ...record, topic: expandJavaReplacement(this.#replacement, match) };
  }

  config(): ConfigDef {
    return regexRouterConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }
}

export const regexRouterDescriptor = transformationDescriptor(REGEX_ROUTER_CLASS, regexRouterConfigDef, () => new RegexRouter());
