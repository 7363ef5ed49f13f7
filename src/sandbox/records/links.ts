/** HATEOAS links the record service emits: `self` hrefs use the lower-case type name (netsuite-wire.md §1.1). */
export interface Link {
  rel: string;
  href: string;
}

export const recordServicePath = '/services/rest/record/v1';

export function recordHref(baseUrl: string, typeName: string, id: string): string {
  return `${baseUrl}${recordServicePath}/${typeName.toLowerCase()}/${encodeURIComponent(id)}`;
}

export function selfLinks(href: string): Link[] {
  return [{ rel: 'self', href }];
}

/** Encodes a query string the way NetSuite's own links read (`%20`, not `+`). */
export function withQuery(url: URL, overrides: Record<string, string>): string {
  const parameters = new Map<string, string>();
  for (const [name, value] of url.searchParams) parameters.set(name, value);
  for (const [name, value] of Object.entries(overrides)) parameters.set(name, value);
  const query = [...parameters].map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}
