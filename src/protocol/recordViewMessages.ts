/**
 * The read-only record view (media/recordView) and the host, each message declared once with its guard. The host
 * turns the record into text already (labels, names of references, formatted dates and amounts: see
 * src/app/records/recordViewModel.ts), so the webview only places strings; it never sees the record's JSON.
 */
import { arrayOf, defineMessage, isString, objectOf, oneOf, optional, type Check } from './guards';

export interface ViewField {
  id: string;
  label: string;
  text: string;
}

export interface ViewGroup {
  title: string;
  fields: ViewField[];
}

export interface ViewSublist {
  id: string;
  title: string;
  columns: { id: string; label: string }[];
  /** One array of cell texts per line, in the order of `columns`. */
  rows: string[][];
}

/** What the view shows: the record's name, what it is, its field groups as the form lays them out, its sublists. */
export interface RecordView {
  heading: string;
  subheading: string;
  groups: ViewGroup[];
  sublists: ViewSublist[];
}

const isViewField: Check<ViewField> = objectOf({ id: isString, label: isString, text: isString });
const isViewGroup: Check<ViewGroup> = objectOf({ title: isString, fields: arrayOf(isViewField) });
const isViewSublist: Check<ViewSublist> = objectOf({
  id: isString,
  title: isString,
  columns: arrayOf(objectOf({ id: isString, label: isString })),
  rows: arrayOf(arrayOf(isString)),
});
const isRecordView: Check<RecordView> = objectOf({ heading: isString, subheading: isString, groups: arrayOf(isViewGroup), sublists: arrayOf(isViewSublist) });

// Webview → host
export const ViewReady = defineMessage('ready', {});
/** A toolbar button: open the edit form, open or copy the record's JSON, read the record again. */
export const ViewAction = defineMessage('action', { action: oneOf('edit', 'openJson', 'copyJson', 'refresh') });
export type ViewToHost = ReturnType<typeof ViewReady.create> | ReturnType<typeof ViewAction.create>;
export function isViewToHost(value: unknown): value is ViewToHost {
  return ViewReady.is(value) || ViewAction.is(value);
}

// Host → webview
/** The record to draw (again after a refresh), or why it could not be read. */
export const ViewShow = defineMessage('show', { view: optional(isRecordView), error: optional(isString) });
export type HostToView = ReturnType<typeof ViewShow.create>;
export const isHostToView = ViewShow.is;
