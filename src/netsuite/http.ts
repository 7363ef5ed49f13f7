/**
 * Governed HTTP to one NetSuite account, on an undici `Pool` per host. Every attempt: wait for a governor slot,
 * get fresh auth headers (TBA must sign each attempt anew), send, and decide — success, retry after a jittered
 * backoff when that is safe (see retry.ts), one refresh on 401, or a typed `NetSuiteError`. Cancellation aborts
 * queued, sleeping and in-flight attempts at once.
 */
import { Pool } from 'undici';
import { restRoot, type NetSuiteAccount } from './account';
import { AuthError } from './auth/authError';
import type { AuthProvider } from './auth/types';
import { systemClock, type Clock, type RandomSource } from './clock';
import { clockSkewHint } from './clockSkew';
import type { CompanyLanguage } from './companyLanguage';
import { cancelledError, errorFromResponse, NetSuiteError, networkError } from './errors';
import { ConcurrencyGovernor, type GovernorPriority, type GovernorState } from './governor';
import { foreignBodyError, isJsonContentType, redirectAnswerError } from './foreignAnswer';
import { silentLogger, type Logger } from './log';
import { backoffDelay, defaultBackoff, isRetryable, mayHaveTakenEffect, type AttemptOutcome, type BackoffOptions, type RetrySafety } from './retry';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface NetSuiteRequest {
  method: HttpMethod;
  /** Path under `/services/rest/`: `record/v1/customer/107`, `query/v1/suiteql`. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** The body's media type when it is not plain JSON (a batch: `application/vnd.oracle.resource+json; type=collection`). */
  contentType?: string;
  /** Whether and how this request may be repeated after an unclear failure. */
  safety: RetrySafety;
  signal?: AbortSignal;
  /** Per attempt; defaults to the client's. */
  timeoutMs?: number;
  /**
   * Answer a 4xx response instead of throwing it (401 and 429 are still handled; 5xx still retried, as a server
   * hiccup cannot be told from content): for reads whose error IS the content, such as a failed async task's result.
   */
  answerErrors?: boolean;
  /** `background`: waits for a slot behind every ordinary request (governor.ts); each attempt alike. */
  priority?: GovernorPriority;
}

export interface NetSuiteResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  attempts: number;
  /**
   * Set when an earlier attempt may have done the work and NetSuite's answer to the repeat says so: a DELETE
   * answered 404 after an unclear attempt, or a keyed POST answered IDEMPOTENCY_ERROR (an earlier submission with
   * the same key, from this call or an earlier one, was accepted; `Location` names its job). The caller treats the
   * operation as done by that earlier attempt.
   */
  completedByEarlierAttempt?: boolean;
}

export interface HttpClientOptions {
  account: NetSuiteAccount;
  auth: AuthProvider;
  /** The account's concurrency limit (default 5); ignored when `governor` is given. */
  concurrencyLimit?: number;
  governor?: ConcurrencyGovernor;
  logger?: Logger;
  clock?: Clock;
  random?: RandomSource;
  backoff?: Partial<BackoffOptions>;
  /** Per attempt, ms. NetSuite itself gives up after 15 minutes; we default to 5. */
  timeoutMs?: number;
  /** Sent as `Accept-Language` once known; learned from NetSuite's INVALID_HEADER refusal (companyLanguage.ts). */
  companyLanguage?: CompanyLanguage;
}

const jsonType = 'application/json';

export class NetSuiteHttpClient {
  readonly governor: ConcurrencyGovernor;
  private readonly pool: Pool;
  private readonly root: URL;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly backoff: BackoffOptions;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(private readonly options: HttpClientOptions) {
    this.governor = options.governor ?? new ConcurrencyGovernor({ limit: options.concurrencyLimit ?? 5 });
    this.root = new URL(restRoot(options.account));
    this.pool = new Pool(this.root.origin, { connections: this.governor.maxLimit, pipelining: 1 });
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.backoff = { ...defaultBackoff, ...options.backoff };
    this.timeoutMs = options.timeoutMs ?? 300_000;
  }

  get state(): GovernorState {
    return this.governor.state;
  }

  /** The absolute URL of a REST path, as it is sent and signed. */
  urlFor(path: string, query?: Record<string, QueryValue>): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.root);
    const encoded = Object.entries(query ?? {})
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
      .map(([key, value]) => `${rfc3986(key)}=${rfc3986(String(value))}`);
    if (encoded.length > 0) url.search = encoded.join('&');
    return url;
  }

  /**
   * The REST path (under `/services/rest/`) of a URL NetSuite handed out — a `Location` header or a `links` href,
   * absolute or host-relative. A URL on any other host or outside the REST root is refused: following it would
   * send this account's credentials elsewhere.
   */
  restPathOf(location: string): string {
    const url = new URL(location, this.root);
    if (url.origin !== this.root.origin || !url.pathname.startsWith(this.root.pathname)) {
      throw new NetSuiteError({
        kind: 'server',
        message: `NetSuite pointed to ${url.origin}${url.pathname}, which is not under this account's REST address ${this.root.href}`,
        advice: 'Not followed, so the credentials stay with this account; check the account id and its base URL.',
      });
    }
    return url.pathname.slice(this.root.pathname.length);
  }

  async request(request: NetSuiteRequest): Promise<NetSuiteResponse> {
    const url = this.urlFor(request.path, request.query);
    const label = `${request.method} ${url.pathname}`;
    let refreshedAfter401 = false;
    let earlierAttemptUnclear = false;
    let retriedForLanguage = false;

    for (let attempt = 1; ; attempt += 1) {
      this.throwIfStopped(request.signal, label);
      const release = await this.governor.acquire(request.signal, request.priority);
      // The client may have been closed (or the request cancelled) while it waited for its slot.
      if (this.closed || request.signal?.aborted) {
        release();
        this.throwIfStopped(request.signal, label);
      }
      let outcome: AttemptOutcome;
      let response: Omit<NetSuiteResponse, 'attempts'> | undefined;
      let bodyText = '';
      let authHeaders: Record<string, string> = {};
      const languageSent = this.options.companyLanguage?.value;
      const started = this.clock.now();
      try {
        authHeaders = await this.authorize(request.method, url, label);
        ({ response, bodyText } = await this.send(request, url, authHeaders));
        outcome = { type: 'status', status: response.status };
      } catch (error) {
        if (error instanceof NetSuiteError) throw error;
        if (request.signal?.aborted) throw cancelledError(label);
        const timedOut = isTimeout(error);
        outcome = { type: 'network', errorCode: errorCode(error), timedOut };
        if (!isRetryable(outcome, request.safety) || attempt >= this.backoff.maxAttempts) {
          this.logger.warn(`${label} failed on attempt ${attempt}`, error);
          throw networkError(label, error, timedOut);
        }
      } finally {
        release();
      }
      const elapsed = this.clock.now() - started;
      // Parsed after the slot is free: the next request need not wait for our JSON work.
      if (response && outcome.type === 'status') {
        // NetSuite's REST service never redirects: a 3xx came from a proxy or sign-in gateway in between.
        if (response.status >= 300 && response.status < 400) throw redirectAnswerError(response.status, response.headers.location, label);
        response.body = parseBody(bodyText, response.headers['content-type'], response.status, label);
        if (response.status >= 400) outcome.code = firstErrorCode(response.body);
      }

      if (response && response.status >= 200 && response.status < 300) {
        this.governor.recordSuccess();
        this.logger.debug(`${label} → ${response.status} in ${elapsed} ms (attempt ${attempt})`);
        return { ...response, attempts: attempt };
      }

      if (response && outcome.type === 'status') {
        this.logger.debug(`${label} → ${response.status}${outcome.code ? ` ${outcome.code}` : ''} in ${elapsed} ms (attempt ${attempt})`);
        if (response.status === 401) {
          if (!refreshedAfter401 && this.options.auth.onUnauthorized && (await this.refreshAuth(authHeaders, label))) {
            refreshedAfter401 = true;
            continue;
          }
          throw this.unauthorized(response, label, refreshedAfter401);
        }
        // Refused before any work was done, so a repeat is safe whatever the method.
        const language = response.status === 400 ? this.options.companyLanguage?.onRefusal(response.body, languageSent, retriedForLanguage, label) : undefined;
        if (language === 'retry') {
          retriedForLanguage = true;
          continue;
        }
        if (language) throw language;
        if (earlierAttemptUnclear && request.safety === 'delete' && response.status === 404) {
          return { ...response, attempts: attempt, completedByEarlierAttempt: true };
        }
        // The key is the caller's name for one submission: whichever attempt or call got it accepted, that one counts.
        if (request.safety === 'idempotencyKey' && outcome.code === 'IDEMPOTENCY_ERROR') {
          return { ...response, attempts: attempt, completedByEarlierAttempt: true };
        }
        if (request.answerErrors && response.status < 500 && response.status !== 429) return { ...response, attempts: attempt };
        if (response.status === 429) this.governor.recordConcurrencyRejection();
        if (!isRetryable(outcome, request.safety) || attempt >= this.backoff.maxAttempts) {
          throw errorFromResponse(response.status, response.body, label);
        }
      }

      if (mayHaveTakenEffect(outcome)) earlierAttemptUnclear = true;
      const delay = backoffDelay(attempt, this.backoff, this.random);
      this.logger.info(`${label}: ${describeOutcome(outcome)} on attempt ${attempt}; retrying in ${delay} ms`);
      await this.clock.sleep(delay, request.signal).catch(() => {
        throw cancelledError(label);
      });
    }
  }

  private throwIfStopped(signal: AbortSignal | undefined, label: string): void {
    if (this.closed) throw new NetSuiteError({ kind: 'cancelled', request: label, message: 'The NetSuite client was closed', advice: 'Reconnect the account.' });
    if (signal?.aborted) throw cancelledError(label);
  }

  /** Closes the pool; in-flight requests are aborted. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }

  private async authorize(method: string, url: URL, label: string): Promise<Record<string, string>> {
    try {
      const headers = await this.options.auth.authorize({ method, url });
      for (const value of Object.values(headers)) this.logger.registerSecret(credentialOf(value));
      return headers;
    } catch (error) {
      throw authFailure(error, label);
    }
  }

  private async refreshAuth(rejectedHeaders: Record<string, string>, label: string): Promise<boolean> {
    try {
      this.logger.info(`${label} → 401; asking the ${this.options.auth.kind} provider for new credentials`);
      return await this.options.auth.onUnauthorized!(rejectedHeaders);
    } catch (error) {
      throw authFailure(error, label);
    }
  }

  private unauthorized(response: Omit<NetSuiteResponse, 'attempts'>, label: string, afterRefresh: boolean): NetSuiteError {
    const base = errorFromResponse(response.status, response.body, label);
    const challenge = response.headers['www-authenticate'];
    const message = afterRefresh
      ? `NetSuite still refused the credentials after they were refreshed (401${base.code ? ` ${base.code}` : ''}): ${base.detail ?? 'no detail'}`
      : `NetSuite refused the credentials (401${base.code ? ` ${base.code}` : ''}): ${base.detail ?? 'no detail'}`;
    // NetSuite's 401 does not say why; its Date header tells whether our signed timestamp was out of its window.
    const clockHint = clockSkewHint(response.headers.date, this.clock.now(), [base.detail, challenge]);
    const said = challenge ? `${message} [${challenge}]` : message;
    return new NetSuiteError({
      kind: 'auth',
      status: 401,
      details: base.details,
      request: label,
      message: clockHint ? `${said.replace(/\.$/, '')}. ${clockHint}` : said,
      advice: base.advice,
    });
  }

  private async send(request: NetSuiteRequest, url: URL, authHeaders: Record<string, string>): Promise<{ response: Omit<NetSuiteResponse, 'attempts'>; bodyText: string }> {
    const language = this.options.companyLanguage?.value;
    const headers: Record<string, string> = { accept: jsonType, ...(language ? { 'accept-language': language } : {}), ...request.headers, ...authHeaders };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = request.contentType ?? jsonType;
    }
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const signals = [AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])];
    const signal = AbortSignal.any(signals);
    const answer = await this.pool.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers,
      body,
      signal,
    });
    const text = await answer.body.text();
    const responseHeaders = flattenHeaders(answer.headers);
    return { response: { status: answer.statusCode, headers: responseHeaders, body: undefined }, bodyText: text };
  }
}

function authFailure(error: unknown, label: string): NetSuiteError {
  if (error instanceof NetSuiteError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const clockHint = clockSkewHint(undefined, 0, [message]);
  return new NetSuiteError({
    kind: 'auth',
    status: error instanceof AuthError ? error.status : undefined,
    request: label,
    cause: error,
    message: `Could not authenticate to NetSuite: ${message}${clockHint ? ` ${clockHint}` : ''}`,
    advice: 'Sign in to the account again, or check its credentials in the account settings.',
  });
}

// `Bearer x` / `Basic x` → x, so the logger scrubs that token wherever it shows up later. OAuth 1.0a headers are
// new on every request (nonce, signature) and are covered by the redactor's oauth_* patterns instead.
function credentialOf(headerValue: string): string | undefined {
  const match = /^(?:Bearer|Basic)\s+(\S+)$/i.exec(headerValue.trim());
  return match?.[1];
}

// A success must be NetSuite's JSON (or empty, as a 204 is); an error body may be anything and is described as such.
function parseBody(text: string, contentType: string | undefined, status: number, label: string): unknown {
  if (text === '') return undefined;
  if (status >= 400) {
    if (!isJsonContentType(contentType)) return text;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (!isJsonContentType(contentType)) throw foreignBodyError(status, text, contentType, label);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw foreignBodyError(status, text, contentType, label, cause);
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function firstErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const details = (body as Record<string, unknown>)['o:errorDetails'];
  const first: unknown = Array.isArray(details) ? details[0] : body;
  const code = typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['o:errorCode'] : undefined;
  return typeof code === 'string' ? code : undefined;
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || /TIMEOUT/.test(errorCode(error) ?? ''));
}

function describeOutcome(outcome: AttemptOutcome): string {
  if (outcome.type === 'status') return `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`;
  return outcome.timedOut ? 'timed out' : `connection failed (${outcome.errorCode ?? 'unknown'})`;
}

/** RFC 3986 percent-encoding (what NetSuite's TBA signature base string expects: spaces as %20, not +). */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
