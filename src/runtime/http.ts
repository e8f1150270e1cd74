/** HTTP for the helpers: one timeout per request (body included), a cap on body size, and the https rule. */

export type Fetch = typeof globalThis.fetch;

/** Discovery documents, key sets and introspection answers are a few KB; a larger body is not one of them. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type HttpFailureKind = 'timeout' | 'network' | 'body_too_large';

/** Why a request produced no usable answer; callers turn it into their own typed error. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpFailure';
  }
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export async function httpRequest(
  fetchImpl: Fetch,
  url: string,
  request: HttpRequest,
  timeoutMs: number,
): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: request.method ?? 'GET',
      ...(request.headers === undefined ? {} : { headers: request.headers }),
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
      // A redirect would move trust to a URL no one configured; it surfaces as a non-2xx status instead.
      redirect: 'manual',
    });
    const body = await readBody(response);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (error instanceof HttpFailure) throw error;
    if (signal.aborted || isTimeout(error)) {
      throw new HttpFailure('timeout', `no answer within ${timeoutMs} ms`, { cause: error });
    }
    throw new HttpFailure('network', describeNetworkError(error), { cause: error });
  }
}

async function readBody(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new HttpFailure('body_too_large', `the answer declares ${declared} bytes, more than ${MAX_BODY_BYTES}`);
  }
  if (!response.body) return '';
  // Content-Length can lie or be absent, so the cap is enforced while reading.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new HttpFailure('body_too_large', `the answer is larger than ${MAX_BODY_BYTES} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** undici reports `fetch failed` and hides the reason (ECONNREFUSED, ENOTFOUND, …) in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `network error (${cause.code})`;
  if (cause && typeof cause.message === 'string') return `network error (${cause.message})`;
  return error instanceof Error ? `network error (${error.message})` : 'network error';
}

/** Parses a JSON body that must be an object; undefined for anything else. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why a URL may not be used to fetch keys, metadata or introspection answers; undefined when it may.
 * Plain http lets anyone on the path swap the keys, so it is allowed only on loopback and only when asked.
 */
export function insecureUrlProblem(url: string, allowHttpForLoopback: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'carries credentials';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol !== 'http:') return `uses ${parsed.protocol.slice(0, -1)}; https is required`;
  if (!allowHttpForLoopback) {
    return 'uses http; https is required (allowHttpForLoopback permits http on 127.0.0.1/localhost, for tests)';
  }
  if (!isLoopbackHost(parsed.hostname)) return 'uses http on a host that is not loopback; https is required';
  return undefined;
}

/** Text from a server or a claim, cut short and on one line, so it cannot flood or forge log lines. */
export function quote(value: unknown, max = 120): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
