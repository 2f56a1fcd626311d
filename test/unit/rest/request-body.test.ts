import { describe, expect, it } from 'vitest';
import { isJsonMediaType } from '#lib/rest/request-body';

describe('isJsonMediaType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/vnd.kafka.v2+json',
    'application/merge-patch+json',
    '*/*',
    'application/*',
  ])('accepts %s', (type) => {
    expect(isJsonMediaType(type)).toBe(true);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'text/json+xml', 'json', 'application/', 'application/json/x', 'text/*'])(
    'refuses %s',
    (type) => {
      expect(isJsonMediaType(type)).toBe(false);
    },
  );
});
