/**
 * HTML that arrives where NetSuite's JSON was expected (a proxy's error page, a sign-in page), reduced to what a
 * person can read in one line: its title, else its first heading. Markup is never shown.
 */

export function isHtml(text: string, contentType?: string): boolean {
  return /html/i.test(contentType ?? '') || /^\s*(?:<!doctype html|<html|<head|<body|<title)/i.test(text);
}

/** An HTML error page as one line (`an HTML page titled "503 Service Unavailable"`), never its markup. */
export function htmlPageSummary(text: string): string {
  const title = pageTitle(text);
  if (title) return `an HTML page titled "${title}"`;
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1];
  const words = heading ? plainText(heading) : '';
  return words ? `an HTML page saying "${words}"` : 'an HTML page without a title';
}

export function pageTitle(text: string): string | undefined {
  const raw = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const title = raw === undefined ? '' : plainText(raw);
  return title || undefined;
}

// Tags stripped, entities for the few characters titles use, spaces collapsed, bounded.
function plainText(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

