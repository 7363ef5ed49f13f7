/**
 * NetSuite's language check: when the user's language preference differs from the company's default language,
 * a REST request must carry `Accept-Language` with the company language, or it is refused with 400 INVALID_HEADER
 * and this exact detail (reported by two public integrations, 2024 and 2025; issue 13). Public reports show it on
 * record requests only; whether SuiteQL and the metadata catalog check it too is not documented, so the sandbox
 * checks every REST request (the stricter reading) and the client sends the header everywhere once it knows it.
 */
import { NetSuiteHttpError } from './errors';

/** The sandbox's company language when none is configured: NetSuite's shipped default, English. */
export const defaultCompanyLanguage = 'en';

/** The demo "different language" user's preference: any language other than the company's. */
export function otherLanguageThan(companyLanguage: string): string {
  return normalized(companyLanguage).startsWith('de') ? 'fr' : 'de';
}

/**
 * The refusal for a request by a user whose language is `userLanguage`, or undefined when it may go on: the user
 * shares the company's language, or one of the header's languages is the company's (q-values are ignored).
 */
export function acceptLanguageRefusal(userLanguage: string | undefined, companyLanguage: string, header: string | string[] | undefined): NetSuiteHttpError | undefined {
  if (userLanguage === undefined || normalized(userLanguage) === normalized(companyLanguage)) return undefined;
  const offered = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => normalized(entry.split(';')[0]));
  if (offered.includes(normalized(companyLanguage))) return undefined;
  return new NetSuiteHttpError(400, [
    {
      detail: `Provide the Accept-Language header with your default company language value '${companyLanguage}'.`,
      'o:errorCode': 'INVALID_HEADER',
      'o:errorHeader': 'Accept-Language',
    },
  ]);
}

function normalized(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}
