/**
 * HTTP Basic credentials (RFC 7617) as the authorizer sees them: `Authorization: Basic <base64 of
 * user-id ":" password>`. Parsing is strict: the scheme (case-insensitive) and one token68 of canonical
 * base64, decoded as UTF-8; the user-id ends at the first colon (it cannot contain one), the password is
 * the rest and may contain colons. Control characters are refused in both (RFC 7617 §2). Anything else
 * is not credentials: `undefined`, never a guess.
 */

export interface BasicCredentials {
  username: string;
  password: string;
}

const HEADER = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;
// eslint-disable-next-line no-control-regex -- RFC 7617 forbids control characters in user-id and password
const CONTROL = /[\u0000-\u001f\u007f]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const token = header === undefined ? undefined : HEADER.exec(header)?.[1];
  if (token === undefined || token.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(token, 'base64');
  // Buffer.from ignores stray bits and padding oddities; only the canonical encoding is accepted.
  if (bytes.toString('base64') !== token) return undefined;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0 || CONTROL.test(text)) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** The header a client sends for these credentials (tests, standalone clients). */
export function basicAuthorization({ username, password }: BasicCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
