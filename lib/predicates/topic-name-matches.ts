/**
 * `org.apache.kafka.connect.transforms.predicates.TopicNameMatches`: true when the whole topic name
 * matches the Java regular expression `pattern`.
 */
import type { ConnectRecord } from '#lib/data/connect-record';
import { AbstractConfig } from '#lib/plugin/abstract-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { ConfigException } from '#lib/plugin/config-exception';
import { NO_DEFAULT } from '#lib/plugin/config-types';
import { BUNDLED_PLUGIN_VERSION } from '#lib/plugin/plugin-version';
import { CompositeValidator, NonEmptyString } from '#lib/plugin/validators';
import { compileJavaRegex, type JavaPattern } from '#lib/transforms/util/java-regex';
import { regexValidator } from '#lib/transforms/util/validators';
import type { Predicate } from './predicate';
import { PREDICATES_PACKAGE, predicateDescriptor } from './predicate-descriptor';

export const TOPIC_NAME_MATCHES_CLASS = `${PREDICATES_PACKAGE}.TopicNameMatches`;

export const TOPIC_NAME_MATCHES_OVERVIEW = 'A predicate which is true for records with a topic name that matches the configured regular expression.';

export function topicNameMatchesConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: 'pattern', type: 'STRING', defaultValue: NO_DEFAULT, validator: CompositeValidator.of(NonEmptyString(), regexValidator()), importance: 'MEDIUM',
    documentation: "A Java regular expression for matching against the name of a record's topic.",
  });
}

const CONFIG_DEF = topicNameMatchesConfigDef();

export class TopicNameMatches<R extends ConnectRecord = ConnectRecord> implements Predicate<R> {
  #pattern: JavaPattern | undefined;

  configure(props: Readonly<Record<string, string>>): void {
    const value = new AbstractConfig(CONFIG_DEF, props).getString('pattern');
    try {
      this.#pattern = compileJavaRegex(value);
    } catch (err) {
      throw new ConfigException('pattern', value, `entry must be a Java-compatible regular expression: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  test(record: R): boolean {
    return record.topic !== null && record.topic !== undefined && this.#pattern !== undefined && this.#pattern.whole.test(record.topic);
  }

  config(): ConfigDef {
    return topicNameMatchesConfigDef();
  }

  close(): void {}

  version(): string {
    return BUNDLED_PLUGIN_VERSION;
  }

  toString(): string {
    return `TopicNameMatches{pattern=${this.#pattern?.source ?? 'null'}}`;
  }
}

export const topicNameMatchesDescriptor = predicateDescriptor(TOPIC_NAME_MATCHES_CLASS, topicNameMatchesConfigDef, () => new TopicNameMatches());
