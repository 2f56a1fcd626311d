import { describe, expect, it } from 'vitest';
import { basicAuthorization, parseBasicAuthorization } from '#lib/rest/auth/basic-credentials';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('parseBasicAuthorization (RFC 7617)', () => {
  it('reads the user-id up to the first colon and the password after it', () => {
    expect(parseBasicAuthorization(`Basic ${b64('Aladdin:open sesame')}`)).toEqual({ username: 'Aladdin', password: 'open sesame' });
  });

  it('keeps colons in the password', () => {
    expect(parseBasicAuthorization(`Basic ${b64('admin:a:b::c')}`)).toEqual({ username: 'admin', password: 'a:b::c' });
  });

  it('accepts the scheme in any case and an empty password', () => {
    expect(parseBasicAuthorization(`bAsIc ${b64('admin:')}`)).toEqual({ username: 'admin', password: '' });
  });

  it('decodes UTF-8', () => {
    expect(parseBasicAuthorization(`Basic ${b64('zoë:pässwörd€')}`)).toEqual({ username: 'zoë', password: 'pässwörd€' });
  });

  it('round-trips what basicAuthorization builds', () => {
    const credentials = { username: 'connect', password: 'p:w d' };
    expect(parseBasicAuthorization(basicAuthorization(credentials))).toEqual(credentials);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['another scheme', `Bearer ${b64('a:b')}`],
    ['the scheme alone', 'Basic'],
    ['the scheme and a space', 'Basic '],
    ['no colon in the decoded text', `Basic ${b64('admin')}`],
    ['base64 without its padding', `Basic ${b64('admin:x').replace(/=+$/, '')}`],
    ['characters outside base64', 'Basic YWRt!W46eA=='],
    ['two tokens', `Basic ${b64('a:b')} ${b64('c:d')}`],
    ['non-canonical trailing bits', 'Basic YR=='],
    ['bytes that are not UTF-8', `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64')}`],
    ['a control character in the password', `Basic ${b64('admin:pass\nword')}`],
    ['a NUL in the user-id', `Basic ${b64('ad\u0000min:x')}`],
  ])('refuses %s', (_what, header) => {
    expect(parseBasicAuthorization(header)).toBeUndefined();
  });
});
