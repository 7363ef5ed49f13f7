/**
 * NetSuite's error envelope for the catalog's own refusals (netsuite-wire.md §4.1). Kept tiny and local so the
 * catalog answers stay pure functions; it writes the same envelope as the server's error helper.
 */
import type { SandboxHttpAnswer } from '../model/seams';

const statusTitles: Record<number, { type: string; title: string }> = {
  400: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1', title: 'Bad Request' },
  404: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5', title: 'Not Found' },
};

export function catalogErrorAnswer(status: 400 | 404, detail: string, errorCode: string, where: { 'o:errorQueryParam'?: string } = {}): SandboxHttpAnswer {
  const { type, title } = statusTitles[status];
  return {
    status,
    headers: { 'content-type': 'application/vnd.oracle.resource+json; type=error; charset=UTF-8' },
    body: JSON.stringify({ type, title, status, 'o:errorDetails': [{ detail, 'o:errorCode': errorCode, ...where }] }),
  };
}
