/**
 * The virtual resource a record form edits: `suitelens-form:/<accountId>/<recordType>/<title>?id=<id>&form=<key>`.
 * VS Code names the editor tab after the path's last segment, so the title is that segment (`customer 123 Acme`,
 * `New customer`) and everything that identifies the form sits in the query. The `form` key makes each opened form
 * its own document (two forms may show one record, e.g. to see a concurrent change). Pure: parts in, parts out, so
 * it is unit-tested without VS Code.
 */
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
export const formScheme = 'suitelens-form';

export interface FormResource {
  accountId: string;
  recordType: string;
  /** Absent for a new record. */
  id?: string;
  /** Tells apart two forms on the same record. */
  formKey: string;
}

export interface UriParts {
  path: string;
  query: string;
}

/**
 * The tab title in NetSuite's words: `Customer 123 Acme` (the name only when it adds to the id), `New Sales Order`.
 * People know record types by label; the script id stays in the resource's path.
 */
export function formTitle(recordType: string, id?: string, name?: string): string {
  const label = recordTypeLabel(recordType);
  if (!id) return `New ${label}`;
  return name && name !== id ? `${label} ${id} ${name}` : `${label} ${id}`;
}

export function formUriParts(resource: FormResource, title: string): UriParts {
  const query = new URLSearchParams();
  if (resource.id) query.set('id', resource.id);
  query.set('form', resource.formKey);
  return { path: `/${segment(resource.accountId)}/${segment(resource.recordType)}/${segment(title)}`, query: query.toString() };
}

/** Reads a form resource back (e.g. when VS Code restores a form after a reload); undefined when it is not one. */
export function parseFormUri(parts: UriParts): FormResource | undefined {
  const [, accountId, recordType] = parts.path.split('/');
  const query = new URLSearchParams(parts.query);
  const formKey = query.get('form');
  if (!accountId || !recordType || !formKey) return undefined;
  const id = query.get('id') ?? undefined;
  return { accountId, recordType, formKey, ...(id ? { id } : {}) };
}

/** A path segment: a slash in a record's name must not add a folder to the tab's path. */
function segment(text: string): string {
  return text.replace(/[/\\]/g, '∕').trim() || '_';
}
