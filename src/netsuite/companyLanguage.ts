/**
 * The account's company language, sent as `Accept-Language` on every request once known.
 *
 * Why: when a user's NetSuite language preference differs from the company's default language, NetSuite refuses
 * REST requests with 400 INVALID_HEADER naming `Accept-Language`, and the detail names the value it wants
 * ("Provide the Accept-Language header with your default company language value 'zh'."). Two independent public
 * integrations reported that exact body (2024, 2025; quoted in issue 13). Public reports show it on record
 * requests; nothing public says SuiteQL or the metadata catalog are exempt, and the header is harmless where it is
 * not needed, so the client sends it on every request of the account once learned (records, SuiteQL, metadata,
 * async jobs alike).
 *
 * The value is learned from the first such refusal (then that request is retried once) or set by the user as the
 * account option "Company language"; `onLearned` lets the VS Code layer remember it across sessions.
 */
import { NetSuiteError, parseErrorDetails, type NetSuiteErrorDetail } from './errors';

/** A BCP 47-ish tag as NetSuite names languages (`zh`, `en_US`, `pt-BR`): letters, digits, `-` and `_`, bounded. */
const languageTagPattern = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}$/;

export function isLanguageTag(value: string): boolean {
  return languageTagPattern.test(value);
}

export class CompanyLanguage {
  private current: string | undefined;

  constructor(
    initial?: string,
    private readonly onLearned?: (language: string) => void,
  ) {
    this.current = initial && isLanguageTag(initial.trim()) ? initial.trim() : undefined;
  }

  /** The `Accept-Language` value to send, or undefined while none is needed or known. */
  get value(): string | undefined {
    return this.current;
  }

  /** Set by the user (account option) or learned from NetSuite; an empty value stops sending the header. */
  set(language: string | undefined): void {
    const trimmed = language?.trim();
    this.current = trimmed && isLanguageTag(trimmed) ? trimmed : undefined;
  }

  /**
   * What to do about a 400 response, given the `Accept-Language` the refused attempt carried:
   * - `retry`: the body is NetSuite's language refusal naming a value different from what was sent; it is now
   *   remembered (and reported to `onLearned`) and the request should be sent once more;
   * - a `NetSuiteError` saying exactly what to set, when the refusal is about the header but cannot be fixed here;
   * - undefined when the response is about something else.
   */
  onRefusal(body: unknown, sent: string | undefined, alreadyRetried: boolean, request: string): 'retry' | NetSuiteError | undefined {
    const refusal = languageRefusal(body);
    if (!refusal) return undefined;
    const wanted = refusal.language;
    if (wanted && !alreadyRetried && !sameLanguage(wanted, sent)) {
      this.current = wanted;
      this.onLearned?.(wanted);
      return 'retry';
    }
    return companyLanguageError(refusal.detail, wanted, sent, request);
  }
}

export interface LanguageRefusal {
  /** The language NetSuite asks for, when its detail names one that looks like a language tag. */
  language?: string;
  detail: NetSuiteErrorDetail;
}

/** NetSuite's Accept-Language refusal in a 400 body, or undefined when the body is about something else. */
export function languageRefusal(body: unknown): LanguageRefusal | undefined {
  const detail = parseErrorDetails(body).find(
    (entry) => entry.code === 'INVALID_HEADER' && (entry.errorHeader?.toLowerCase() === 'accept-language' || /accept-language/i.test(entry.detail)),
  );
  if (!detail) return undefined;
  // The value is quoted at the end of the detail ("… language value 'zh'."); any quote style NetSuite might use.
  const quoted = /value\s+["'\u2018\u201c]([^"'\u2019\u201d]{1,40})["'\u2019\u201d]/i.exec(detail.detail)?.[1]?.trim();
  return { detail, language: quoted && isLanguageTag(quoted) ? quoted : undefined };
}

function sameLanguage(a: string, b: string | undefined): boolean {
  return b !== undefined && a.replace(/_/g, '-').toLowerCase() === b.replace(/_/g, '-').toLowerCase();
}

function companyLanguageError(detail: NetSuiteErrorDetail, wanted: string | undefined, sent: string | undefined, request: string): NetSuiteError {
  const advice = wanted
    ? `NetSuite still refused Accept-Language '${sent ?? ''}' and asks for '${wanted}': set the account option "Company language" to ${wanted} (SuiteLens: Account Options…), or set your own NetSuite language preference (Home > Set Preferences > Language) to the company's.`
    : `Set the account option "Company language" (SuiteLens: Account Options…) to your company's default language, as shown in NetSuite under Setup > Company > General Preferences (for example en_US), or set your own NetSuite language preference (Home > Set Preferences > Language) to the company's.`;
  return new NetSuiteError({
    kind: 'invalid',
    status: 400,
    details: [detail],
    request,
    message: `NetSuite answered 400 INVALID_HEADER: ${detail.detail}`,
    advice,
  });
}
