import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '#lib/errors';
import { ConfigException, missingRequiredMessage } from '#lib/plugin/config-exception';

describe('ConfigException', () => {
  it('formats a name and value as Invalid value … for configuration …', () => {
    expect(new ConfigException('transforms', ['t', 't'], 'Duplicate alias provided.').message).toBe('Invalid value [t, t] for configuration transforms: Duplicate alias provided.');
  });

  it('leaves two spaces for an empty value', () => {
    expect(new ConfigException('name', '', 'String may not be empty').message).toBe('Invalid value  for configuration name: String may not be empty');
  });

  it('omits the colon when there is no message', () => {
    expect(new ConfigException('k', null).message).toBe('Invalid value null for configuration k');
  });

  it('uses a lone message as is', () => {
    expect(new ConfigException('Configuration a is defined twice.').message).toBe('Configuration a is defined twice.');
  });

  it('is an invalid-config error (400)', () => {
    expect(new ConfigException('x')).toBeInstanceOf(InvalidConfigError);
  });
});

describe('missingRequiredMessage', () => {
  it('quotes the key name', () => {
    expect(missingRequiredMessage('name')).toBe('Missing required configuration "name" which has no default value.');
  });
});
