/**
 * Kafka's `ConfigException`. With a name and value the message is
 * `Invalid value <value> for configuration <name>: <message>` (an empty value leaves two spaces);
 * with a message only, it is that message as is.
 */
import { InvalidConfigError } from '#lib/errors';
import { javaToString } from './java-format';

export class ConfigException extends InvalidConfigError {
  constructor(message: string);
  constructor(name: string, value: unknown, message?: string | null);
  constructor(nameOrMessage: string, ...rest: unknown[]) {
    super(rest.length === 0 ? nameOrMessage : invalidValueMessage(nameOrMessage, rest[0], rest[1] as string | null | undefined));
  }
}

function invalidValueMessage(name: string, value: unknown, message: string | null | undefined): string {
  const suffix = message === null || message === undefined ? '' : `: ${message}`;
  return `Invalid value ${javaToString(value)} for configuration ${name}${suffix}`;
}

/** Kafka's message for a required key that was not supplied. */
export function missingRequiredMessage(name: string): string {
  return `Missing required configuration "${name}" which has no default value.`;
}
