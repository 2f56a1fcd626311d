/**
 * One HTTP request of a batch with Node's fetch, classified for the retry loop: 2xx is delivered;
 * 5xx, 408, 429, a network error or the timeout (`http.request.timeout.ms`, connecting included)
 * are worth retrying (with the Retry-After the server asked for); any other status, redirects
 * included (following a 301/302 would turn a POST into a GET and drop the body), rejects the batch.
 */
export type RequestOutcome =
  | { readonly kind: 'delivered'; readonly status: number }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string };

export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly timeoutMs: number;
}

const EXCERPT_CHARS = 500;

export async function sendRequest(request: HttpRequest): Promise<RequestOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(request.timeoutMs) });
    // Read the whole body: it frees the connection for reuse and explains a failure.
    text = await response.text();
  } catch (err) {
    return { kind: 'retry', reason: networkReason(err, request.timeoutMs), retryAfterMs: null };
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const reason = `${status} ${response.statusText}${text === '' ? '' : `: ${text.slice(0, EXCERPT_CHARS)}`}`;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', reason, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  return { kind: 'rejected', status, reason };
}

function networkReason(err: unknown, timeoutMs: number): string {
  const error = err as Error & { cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no response within ${timeoutMs} ms`;
  const cause = error.cause;
  return cause?.code !== undefined ? `${error.message} (${cause.code})` : cause?.message !== undefined ? `${error.message}: ${cause.message}` : error.message;
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
