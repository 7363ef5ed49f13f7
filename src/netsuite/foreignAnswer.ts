/**
 * Answers that did not come from NetSuite's REST service. NetSuite answers REST calls with JSON (or nothing, for a
 * 204) and never redirects them (netsuite-wire.md §1.5, §4). A single-sign-on gateway or a corporate proxy in front
 * of it may answer instead: a 302 to its login page, or a 200 with an HTML sign-in page. Counting such an answer as
 * success made a notebook cell say "0 rows" and an export write an empty file, so each is an error that says what
 * arrived. HTML error pages are reduced to their title and status rather than shown as markup.
 */
import { NetSuiteError } from './errors';
import { isHtml, pageTitle } from './htmlPage';

const notNetSuiteAdvice =
  'Check that the account id (or its REST base URL) points at NetSuite, and that no proxy or single-sign-on gateway intercepts the connection (sign in to it in a browser, or set VS Code\u2019s http.proxy), then try again.';

/** The error for a 3xx answer: NetSuite's REST service never redirects, so something in between did. */
export function redirectAnswerError(status: number, location: string | undefined, request: string): NetSuiteError {
  const target = location ? ` to ${safeLocation(location)}` : '';
  return new NetSuiteError({
    kind: 'server',
    status,
    request,
    message: `The answer was not NetSuite's: a redirect (${status})${target}, perhaps to a sign-in page or a proxy`,
    advice: notNetSuiteAdvice,
  });
}

/** The error for a 2xx whose body is not NetSuite's JSON: an HTML page, plain text or broken JSON. */
export function foreignBodyError(status: number, text: string, contentType: string | undefined, request: string, cause?: unknown): NetSuiteError {
  const what = isHtml(text, contentType) ? `an HTML page${titleClause(text)}, perhaps a sign-in page or a proxy` : `${describeNonJson(text, contentType)}, perhaps from a proxy`;
  return new NetSuiteError({ kind: 'server', status, request, cause, message: `The answer was not NetSuite's: ${what}`, advice: notNetSuiteAdvice });
}

/** Whether a non-empty 2xx body is NetSuite's: JSON by content type (or untyped) that parses. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType === undefined || /json/i.test(contentType);
}

function titleClause(text: string): string {
  const title = pageTitle(text);
  return title ? ` titled "${title}"` : '';
}

function describeNonJson(text: string, contentType: string | undefined): string {
  const type = contentType ? contentType.split(';')[0].trim() : 'no content type';
  if (isJsonContentType(contentType)) return `a body that is not valid JSON (${text.length} bytes, ${type})`;
  return `a ${type} body of ${text.length} bytes`;
}

// A redirect target is shown without its query: sign-in URLs carry state, tickets or codes there.
function safeLocation(location: string): string {
  try {
    const url = new URL(location, 'http://relative.invalid');
    return url.origin === 'http://relative.invalid' ? url.pathname : `${url.origin}${url.pathname}`;
  } catch {
    return location.split(/[?#]/)[0].slice(0, 200);
  }
}

/**
 * The error for JSON that is not a SuiteQL page: NetSuite's query answer always has an `items` array and a numeric
 * `totalResults` (netsuite-wire.md §3). A proxy's `{}` or `{"status":"ok"}` would otherwise read as "0 rows", and an
 * export would replace a file with an empty one.
 */
export function notASuiteQLPageError(status: number, body: unknown, request: string): NetSuiteError {
  const shown = JSON.stringify(body) ?? String(body);
  const sample = shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
  return new NetSuiteError({
    kind: 'server',
    status,
    request,
    message: `The answer was not NetSuite's: JSON without the rows of a SuiteQL page (${sample}), perhaps from a proxy`,
    advice: notNetSuiteAdvice,
  });
}
