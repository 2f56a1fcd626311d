/**
 * How the request body travels in the event: text stays text, anything binary (a non-text content type,
 * or bytes that are not valid UTF-8) is base64 with `isBase64Encoded: true`, as API Gateway does.
 * No body at all means no `body` field.
 */
const TEXT_TYPES = [
  /^text\//,
  /^application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|x-ndjson)$/,
  /^[a-z]+\/[^;]*\+(json|xml|yaml)$/,
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface EventBody {
  body?: string;
  isBase64Encoded: boolean;
}

export function eventBody(bytes: Buffer, contentType: string | undefined): EventBody {
  if (bytes.length === 0) return { isBase64Encoded: false };
  if (isTextType(contentType)) {
    const text = decodeUtf8(bytes);
    if (text !== undefined) return { body: text, isBase64Encoded: false };
  }
  return { body: bytes.toString('base64'), isBase64Encoded: true };
}

/** A missing content type counts as text: curl and most Connect clients send JSON either way. */
function isTextType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return TEXT_TYPES.some((pattern) => pattern.test(mediaType));
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
