/**
 * A sweep of bad inputs and faults through the functions the UI itself calls (the account wizard's checks, the
 * filter box, the notebook file format, the export writer, the NetSuite client) and the sandbox over HTTP with fault
 * injection. Every case asserts the specific message a person would read, and that nothing was lost: the record,
 * the file or the notebook content is as it was.
 *
 * To add a case, add a row to `cases`: `run` returns the text the person sees, `says` is what it must say, and
 * `intact` (optional) checks afterwards that nothing was lost.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import { NetSuiteClient } from '../../src/netsuite/client';
import { isNetSuiteError } from '../../src/netsuite/errors';
import type { SandboxFaults } from '../../src/sandbox/options';
import { describeRefusedQuery, isGenericQueryError } from '../../src/suiteql/queryDiagnosis';
import { resultColumnsOf } from '../../src/suiteql/resultColumns';
import { accountIdFeedback, baseUrlProblem, concurrencyLimitProblem, credentialProblem, privateKeyProblem } from '../../src/app/accounts/accountInputs';
import { describeConnectionFailure } from '../../src/app/accounts/connectionFailure';
import { filterToQ } from '../../src/app/explorer/filterToQ';
import { exportFailedMessage, exportRows, type ExportFormat } from '../../src/app/notebook/exportWriter';
import { toRowsPayload, type SuiteQLItem } from '../../src/app/notebook/resultFormat';
import { parseSnb, serializeSnb, snbFromNotebook, snbToNotebook } from '../../src/app/notebook/snbFormat';
import { firstId, setUpClient, tbaAuth, type ClientSetup } from './client-sandbox';

type Area = 'accounts' | 'credentials' | 'suiteql' | 'filters' | 'writes' | 'notebook files' | 'exports' | 'faults' | 'answers not NetSuite’s';

interface Context {
  setup: ClientSetup;
  client: NetSuiteClient;
  subsidiaryId: string;
  itemId: string;
  /** A fresh folder per case, holding `previous.csv` / `previous.json` with `previousExport` in them. */
  folder: string;
  /** What a case left for its `intact` check (ids it created, counts before). */
  kept: Record<string, string | number>;
  /** A loopback server standing where a proxy or single-sign-on gateway would; a case sets how it answers. */
  proxy: { baseUrl: string; answer: ProxyAnswer; requests: IncomingMessage[]; client(): NetSuiteClient };
}

type ProxyAnswer = (request: IncomingMessage, response: ServerResponse) => void;

interface SweepCase {
  area: Area;
  input: string;
  run(context: Context): Promise<string> | string;
  says: string | RegExp;
  intact?(context: Context): Promise<void> | void;
}

const previousExport = 'id,companyname\n1,Kept from the last export\n';
const noFaults: SandboxFaults = { seed: 7, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };

/** The text a person sees from an action: the message it was refused with, or what it returned. */
async function messageOf(action: () => unknown): Promise<string> {
  try {
    const result = await action();
    if (typeof result === 'string') return result;
    if (result === undefined) return 'accepted';
    return `accepted: ${JSON.stringify(result)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a failed notebook cell shows: NetSuite's message, plus SuiteLens's own reading when NetSuite's is generic. */
async function cellError(client: NetSuiteClient, query: string): Promise<string> {
  try {
    await client.queryPage(query, 0, { pageSize: 5 });
    return 'accepted';
  } catch (error) {
    if (!isNetSuiteError(error)) throw error;
    return [error.message, isGenericQueryError(error.detail) ? describeRefusedQuery(query).note : undefined].filter(Boolean).join('\n');
  }
}

/** The filter box on the customer type, with the schema the explorer reads from NetSuite. */
async function customerFilter(client: NetSuiteClient, text: string): Promise<string> {
  const schema = await client.metadata.schema('customer');
  const result = filterToQ(text, { filterable: schema['x-ns-filterable'] ?? [], recordType: 'customer', properties: schema.properties });
  if (result.kind === 'error') return result.message;
  if (result.kind === 'none') return 'no filter';
  return messageOf(() => client.records.list('customer', { q: result.q, limit: 5 }).then((page) => `listed ${page.items.length}`));
}

/** Opens a notebook file's text and saves it untouched, as VS Code would; returns the saved JSON. */
function reopenAndSave(text: string): unknown {
  return JSON.parse(serializeSnb(snbFromNotebook(snbToNotebook(parseSnb(text, 'month-end.snb')))));
}

async function* rowsOf(items: SuiteQLItem[]): AsyncGenerator<SuiteQLItem> {
  for (const item of items) yield item;
}

async function* sandboxRows(client: NetSuiteClient, query: string): AsyncGenerator<SuiteQLItem> {
  for await (const row of client.query(query)) yield row.raw;
}

/** Runs an export to `previous.<format>` as the export command does and returns what it shows on failure. */
async function exportTo(context: Context, rows: AsyncIterable<SuiteQLItem>, format: ExportFormat, options: Parameters<typeof exportRows>[3] = {}, path = join(context.folder, `previous.${format}`)): Promise<string> {
  try {
    const summary = await exportRows(rows, path, format, options);
    return `exported ${summary.rows}`;
  } catch (error) {
    return exportFailedMessage(path.split('/').pop() ?? path, error);
  }
}

function previousKept(format: ExportFormat) {
  return (context: Context) => {
    expect(readFileSync(join(context.folder, `previous.${format}`), 'utf8')).toBe(previousExport);
    expect(readdirSync(context.folder).sort()).toEqual(['previous.csv', 'previous.json']);
  };
}

async function count(client: NetSuiteClient, query: string): Promise<number> {
  return Number((await client.queryPage(query)).rows[0].raw.n);
}

const salesOrderCount = "SELECT COUNT(*) AS n FROM transaction WHERE type = 'SalesOrd'";
const generic = /Search error occurred: Invalid or unsupported search\.\nSuiteLens's own check \(not NetSuite's\): /;
const jupyterFile = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3' } }, cells: [{ cell_type: 'code', source: ['print(1)'], outputs: [] }] });
const pem = (label: string) => `-----BEGIN ${label}-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END ${label}-----\n`;

const cases: SweepCase[] = [
  // Accounts: what the wizard's account id box says while typing (accountIdFeedback → parseAccount).
  { area: 'accounts', input: 'empty id', run: () => accountIdFeedback('').message, says: /"" is not a NetSuite account id: it is empty\. Expected a NetSuite account id such as 1234567/ },
  { area: 'accounts', input: 'id with a space', run: () => accountIdFeedback('1234 567').message, says: /it contains spaces/ },
  { area: 'accounts', input: 'unknown suffix _XY', run: () => accountIdFeedback('1234567_XY').message, says: /the suffix after the underscore must be SB<n> or RP/ },
  { area: 'accounts', input: 'dollar sign', run: () => accountIdFeedback('12345$67').message, says: /it may contain only letters, digits and one _SB<n> or _RP suffix/ },
  { area: 'accounts', input: 'host outside netsuite.com', run: () => accountIdFeedback('acme.example.com').message, says: /it is a host name outside netsuite\.com/ },
  { area: 'accounts', input: 'system.netsuite.com', run: () => accountIdFeedback('system.netsuite.com').message, says: /system\.netsuite\.com is one of NetSuite's own hosts \(sign-in, data centre or website\), not your account's/ },
  { area: 'accounts', input: 'app.netsuite.com login URL', run: () => accountIdFeedback('https://app.netsuite.com/app/login/secure/enterpriselogin.nl').message, says: /app\.netsuite\.com is one of NetSuite's own hosts/ },
  { area: 'accounts', input: 'www.netsuite.com', run: () => accountIdFeedback('https://www.netsuite.com/portal/home.shtml').message, says: /www\.netsuite\.com is one of NetSuite's own hosts/ },
  { area: 'accounts', input: 'old data-centre host', run: () => accountIdFeedback('system.na2.netsuite.com').message, says: /system\.na2\.netsuite\.com is one of NetSuite's own hosts/ },
  { area: 'accounts', input: 'zero-width space in the id', run: () => accountIdFeedback('1234\u200B567_SB1').message, says: /it contains an invisible ZERO WIDTH SPACE \(U\+200B\) at position 5; type the id again/ },
  { area: 'accounts', input: 'full-width digits', run: () => accountIdFeedback('１２３４５６７').message, says: /the full-width character "１" \(FULLWIDTH DIGIT ONE, U\+FF11\) at position 1/ },
  { area: 'accounts', input: 'right-to-left override', run: () => accountIdFeedback('\u202E1234567').message, says: /an invisible RIGHT-TO-LEFT OVERRIDE \(U\+202E\) at position 1/ },
  { area: 'accounts', input: 'URL that is not one', run: () => accountIdFeedback('https://').message, says: /it is not a valid URL/ },
  { area: 'accounts', input: 'base URL with ftp', run: () => baseUrlProblem('ftp://proxy.example.com') ?? 'accepted', says: 'The address must start with http:// or https:// (got ftp:).' },
  { area: 'accounts', input: 'base URL with credentials', run: () => baseUrlProblem('http://me:pw@proxy.example.com') ?? 'accepted', says: 'Do not put credentials in the address; SuiteLens signs every request itself.' },
  { area: 'accounts', input: 'good id still understood', run: () => accountIdFeedback('https://1234567-sb2.app.netsuite.com/app/center/card.nl').message, says: 'Sandbox account 1234567_SB2', intact: () => expect(parseAccount('1234567-sb2').restBaseUrl).toBe('https://1234567-sb2.suitetalk.api.netsuite.com') },

  // Credentials: the wizard's secret boxes, and the connection test against the sandbox.
  { area: 'credentials', input: 'zero-width space in a token secret', run: () => credentialProblem('token secret', 'abc\u200Bdef') ?? 'accepted', says: "The token secret contains an invisible ZERO WIDTH SPACE (U+200B) at position 4, which NetSuite would reject; paste it again from NetSuite's own page, or type it." },
  { area: 'credentials', input: 'no-break space in a consumer key', run: () => credentialProblem('consumer key', 'ab\u00A0cd') ?? 'accepted', says: /consumer key contains an invisible NO-BREAK SPACE \(U\+00A0\) at position 3/ },
  { area: 'credentials', input: 'byte-order mark inside a client secret', run: () => credentialProblem('client secret', 'abc\uFEFFdef') ?? 'accepted', says: /ZERO WIDTH NO-BREAK SPACE \(byte-order mark\) \(U\+FEFF\) at position 4/ },
  { area: 'credentials', input: 'full-width letters in a token id', run: () => credentialProblem('token id', 'ｔｏｋｅｎ') ?? 'accepted', says: /the full-width character "ｔ" \(FULLWIDTH LATIN SMALL LETTER T, U\+FF54\) at position 1/ },
  { area: 'credentials', input: 'word joiner in a client id', run: () => credentialProblem('client id', 'client\u2060id') ?? 'accepted', says: /WORD JOINER \(U\+2060\) at position 7/ },
  { area: 'credentials', input: 'line break in a token secret', run: () => credentialProblem('token secret', 'abc\ndef') ?? 'accepted', says: 'The token secret contains a space or line break; paste it again without them.' },
  { area: 'credentials', input: 'empty required secret', run: () => credentialProblem('consumer secret', '') ?? 'accepted', says: 'Enter the consumer secret.' },
  { area: 'credentials', input: 'certificate instead of private key', run: () => privateKeyProblem(pem('CERTIFICATE')) ?? 'accepted', says: /This file is a certificate \(the part uploaded to NetSuite\)/ },
  { area: 'credentials', input: 'encrypted private key', run: () => privateKeyProblem(pem('ENCRYPTED PRIVATE KEY')) ?? 'accepted', says: /encrypted with a passphrase/ },
  { area: 'credentials', input: 'concurrency limit 0', run: () => concurrencyLimitProblem('0') ?? 'accepted', says: /Enter a whole number from 1 to 100/ },
  {
    area: 'credentials',
    input: 'wrong token secret at the connection test',
    run: async ({ setup }) => {
      const wrong = setup.client({ auth: tbaAuth(setup.sandbox, { ...setup.sandbox.credentials.tba, tokenSecret: 'not-the-secret' }) });
      try {
        await wrong.queryPage('SELECT id FROM customer', 0, { pageSize: 1 });
        return 'accepted';
      } catch (error) {
        return describeConnectionFailure(error, 'tba');
      }
    },
    says: /NetSuite refused the credentials \(401 INVALID_LOGIN\): Invalid login attempt\.[\s\S]*Check the consumer key\/secret/,
  },

  // SuiteQL: what a failed cell says, through the sandbox over HTTP.
  { area: 'suiteql', input: 'FORM for FROM', run: ({ client }) => cellError(client, 'SELECT id FORM customer'), says: new RegExp(`${generic.source}line 1, column 16: it saw "customer" where it did not expect it\\.`) },
  { area: 'suiteql', input: 'unterminated string', run: ({ client }) => cellError(client, "SELECT id FROM customer WHERE companyname = 'Acme"), says: new RegExp(`${generic.source}line 1, column 45: the string that starts here is never closed`) },
  { area: 'suiteql', input: 'two statements', run: ({ client }) => cellError(client, 'SELECT id FROM customer; SELECT id FROM vendor'), says: new RegExp(`${generic.source}line 1, column 24: a second statement starts after this ";"`) },
  { area: 'suiteql', input: 'bind variable ?', run: ({ client }) => cellError(client, 'SELECT id FROM customer WHERE id = ?'), says: new RegExp(`${generic.source}line 1, column 36: \\? is a bind variable`) },
  { area: 'suiteql', input: 'bind variable :name', run: ({ client }) => cellError(client, 'SELECT id FROM customer\nWHERE id = :customerId'), says: new RegExp(`${generic.source}line 2, column 12: :customerId is a bind variable`) },
  {
    area: 'suiteql',
    input: 'DELETE statement',
    run: async (context) => {
      context.kept.customerId = await firstId(context.client, 'customer');
      return cellError(context.client, `DELETE FROM customer WHERE id = ${context.kept.customerId}`);
    },
    says: new RegExp(`${generic.source}line 1, column 1: SuiteQL runs only SELECT queries; this one starts with DELETE\\.`),
    intact: async ({ client, kept }) => expect((await client.records.get('customer', String(kept.customerId))).id).toBe(String(kept.customerId)),
  },
  { area: 'suiteql', input: 'unclosed parenthesis', run: ({ client }) => cellError(client, 'SELECT id FROM customer WHERE (id = 1'), says: new RegExp(`${generic.source}line 1, column 38: the query ends too early`) },
  { area: 'suiteql', input: 'misspelt table', run: ({ client }) => cellError(client, 'SELECT id FROM custmer'), says: /^NetSuite answered 400 INVALID_PARAMETER: Invalid search query\. Detailed unprocessed description follows\. Invalid search type: custmer\.$/ },
  { area: 'suiteql', input: 'unknown column', run: ({ client }) => cellError(client, 'SELECT nosuch FROM customer'), says: /Unknown identifier 'nosuch'\. Available identifiers are: \{customer=customer\}\.$/ },
  {
    area: 'suiteql',
    input: 'column NULL in every row',
    run: async (context) => {
      const created = await context.client.records.create('customer', { companyName: 'Sweep Null Column Co', subsidiary: { id: context.subsidiaryId } });
      const query = `SELECT id, altphone, companyname FROM customer WHERE id = ${created.id}`;
      const page = await context.client.queryPage(query);
      const payload = toRowsPayload({ queryId: 'q', items: page.rows.map((row) => row.raw), totalResults: page.totalResults, elapsedMs: 1, account: { id: 'A', environment: 'sandbox' }, selectedColumns: resultColumnsOf(query) });
      return `columns: ${payload.columns.map((column) => column.name).join(', ')}; row: ${JSON.stringify(payload.rows[0])}`;
    },
    says: /^columns: id, altphone, companyname; row: \["\d+",null,"Sweep Null Column Co"\]$/,
  },

  // Filters: the explorer's filter box on customers, with the schema from the sandbox's catalog.
  { area: 'filters', input: 'CONTAINS for CONTAIN', run: ({ client }) => customerFilter(client, 'email CONTAINS barbara'), says: '"CONTAINS" is not a q operator: email is a String field; its operators are CONTAIN, CONTAIN_NOT, IS, IS_NOT, START_WITH, START_WITH_NOT, END_WITH, END_WITH_NOT, EMPTY, EMPTY_NOT.' },
  { area: 'filters', input: 'STARTS_WITH on a date', run: ({ client }) => customerFilter(client, 'dateCreated STARTS_WITH 2024'), says: /^"STARTS_WITH" is not a q operator: dateCreated is a Date field; its operators are AFTER, AFTER_NOT, BEFORE, BEFORE_NOT, ON, ON_NOT, ON_OR_AFTER/ },
  { area: 'filters', input: 'GREATER on a checkbox', run: ({ client }) => customerFilter(client, 'isInactive GREATER 1'), says: '"GREATER" is not an operator for isInactive: isInactive is a Boolean field; its operators are IS, IS_NOT, EMPTY, EMPTY_NOT.' },
  { area: 'filters', input: 'field NetSuite cannot filter on', run: ({ client }) => customerFilter(client, 'comments CONTAIN late'), says: /^"comments" is not a field NetSuite lets you filter Customer records by\. Filterable fields: id, externalId, entityId, firstName/ },
  { area: 'filters', input: 'unknown field after AND', run: ({ client }) => customerFilter(client, 'email IS "a@b.c" AND emial IS "x"'), says: /^"emial" is not a field NetSuite lets you filter Customer records by\./ },
  { area: 'filters', input: 'LIKE from SQL', run: ({ client }) => customerFilter(client, 'companyName LIKE acme'), says: /^"LIKE" is not a q operator: companyName is a String field/ },
  { area: 'filters', input: 'date in the wrong format', run: ({ client }) => customerFilter(client, 'dateCreated AFTER "notadate"'), says: 'NetSuite answered 400 INVALID_PARAMETER: Search error occurred: Parse of date/time "notadate" failed with date format "M/d/yyyy" in time zone America/Los_Angeles' },
  { area: 'filters', input: 'capitals that are a company name', run: ({ client }) => customerFilter(client, 'IBM CORP'), says: /^listed \d+$/ },

  // Writes: records through the client, refused by the sandbox with NetSuite's own words; nothing half-written.
  {
    area: 'writes',
    input: 'customer without a subsidiary',
    run: ({ client }) => messageOf(() => client.records.create('customer', { companyName: 'Sweep No Subsidiary Co' })),
    says: 'NetSuite answered 400 USER_ERROR: Error while accessing a resource. Please enter value(s) for: Primary Subsidiary',
    intact: async ({ client }) => expect(await count(client, "SELECT COUNT(*) AS n FROM customer WHERE companyname = 'Sweep No Subsidiary Co'")).toBe(0),
  },
  {
    area: 'writes',
    input: 'order for a customer that does not exist',
    run: async ({ client, kept }) => {
      kept.orders = await count(client, salesOrderCount);
      return messageOf(() => client.records.create('salesOrder', { entity: { id: '999999' } }));
    },
    says: 'NetSuite answered 400 INVALID_CONTENT: Error while accessing a resource. You have entered an Invalid Field Value 999999 for the following field: entity',
    intact: async ({ client, kept }) => expect(await count(client, salesOrderCount)).toBe(kept.orders),
  },
  {
    area: 'writes',
    input: 'memo of 334 CJK characters (1,002 bytes) where NetSuite allows 999',
    run: async ({ client, kept, itemId }) => {
      kept.orders = await count(client, salesOrderCount);
      const customerId = await firstId(client, 'customer');
      return messageOf(() => client.records.create('salesOrder', { entity: { id: customerId }, memo: '株'.repeat(334), item: { items: [{ item: { id: itemId }, quantity: 1, rate: 1 }] } }));
    },
    says: /The field memo contained more than the maximum number \( 999 \) of characters allowed\./,
    intact: async ({ client, kept }) => expect(await count(client, salesOrderCount)).toBe(kept.orders),
  },
  { area: 'writes', input: 'unknown record type', run: ({ client }) => messageOf(() => client.records.create('customerz', {})), says: "NetSuite answered 404 NONEXISTENT_ID: Record type 'customerz' does not exist." },
  { area: 'writes', input: 'patch of a record that does not exist', run: ({ client }) => messageOf(() => client.records.patch('customer', '99999999', { phone: '555-0199' })), says: 'NetSuite answered 404 NONEXISTENT_ID: The record instance does not exist. Provide a valid record instance ID.' },
  { area: 'writes', input: 'transform to a type not allowed', run: async ({ client }) => messageOf(async () => client.records.transform('customer', await firstId(client, 'customer'), 'vendorBill')), says: /You cannot transform a customer into a vendorBill\. Allowed targets: / },
  {
    area: 'writes',
    input: 'delete a customer that has an order',
    run: async ({ client, kept, subsidiaryId, itemId }) => {
      const customer = await client.records.create('customer', { companyName: 'Sweep Referenced Co', subsidiary: { id: subsidiaryId } });
      await client.records.create('salesOrder', { entity: { id: customer.id }, item: { items: [{ item: { id: itemId }, quantity: 1, rate: 5 }] } });
      kept.customerId = customer.id;
      return messageOf(() => client.records.delete('customer', customer.id));
    },
    says: 'NetSuite answered 400 THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS: Error while accessing a resource. This record cannot be deleted because it has dependent records.',
    intact: async ({ client, kept }) => expect((await client.records.get('customer', String(kept.customerId))).companyName).toBe('Sweep Referenced Co'),
  },
  {
    area: 'writes',
    input: 'second invoice from a fully billed order',
    run: async ({ client, kept, itemId }) => {
      const order = await client.records.create('salesOrder', { entity: { id: await firstId(client, 'customer') }, item: { items: [{ item: { id: itemId }, quantity: 1, rate: 5 }] } });
      await client.records.transform('salesOrder', order.id, 'invoice');
      kept.orderId = order.id;
      return messageOf(() => client.records.transform('salesOrder', order.id, 'invoice'));
    },
    says: /^NetSuite answered 400 INVALID_INITIALIZE_REF: Error while accessing a resource\. You can not initialize invoice: invalid reference \d+\.$/,
    intact: async ({ client, kept }) =>
      expect(await count(client, `SELECT COUNT(*) AS n FROM transaction t WHERE t.type = 'CustInvc' AND t.id IN (SELECT tl.transaction FROM transactionline tl WHERE tl.createdfrom = ${kept.orderId})`)).toBe(1),
  },

  // Notebook files: what VS Code shows when a .snb cannot be opened, and what a save keeps.
  { area: 'notebook files', input: 'truncated JSON', run: () => messageOf(() => parseSnb('{"cells": [', 'month-end.snb')), says: /^month-end\.snb is not a SuiteQL notebook: its JSON is invalid \(.+\)\. The file was left untouched\.$/ },
  { area: 'notebook files', input: 'a JSON list', run: () => messageOf(() => parseSnb('[1, 2]', 'month-end.snb')), says: 'month-end.snb is not a SuiteQL notebook: it is a JSON list; expected a JSON object with "cells". The file was left untouched.' },
  { area: 'notebook files', input: 'Jupyter notebook renamed .snb', run: () => messageOf(() => parseSnb(jupyterFile, 'month-end.snb')), says: 'month-end.snb is not a SuiteQL notebook: it is a Jupyter notebook (nbformat 4); open it with the Jupyter extension or rename it to .ipynb. The file was left untouched.' },
  { area: 'notebook files', input: 'package.json renamed .snb', run: () => messageOf(() => parseSnb('{"name": "app", "version": "1.0.0", "scripts": {}}', 'month-end.snb')), says: 'month-end.snb is not a SuiteQL notebook: it is a JSON object without "cells" (it has "name", "version", "scripts"). The file was left untouched.' },
  { area: 'notebook files', input: 'newer format version', run: () => messageOf(() => parseSnb('{"version": 7, "cells": []}', 'month-end.snb')), says: 'month-end.snb was written by a newer SuiteLens (format 7); update SuiteLens to open it. The file was left untouched.' },
  { area: 'notebook files', input: 'cell without source', run: () => messageOf(() => parseSnb('{"cells": [{"kind": "code"}]}', 'month-end.snb')), says: 'month-end.snb: cell 1 has no "source" text. The file was left untouched.' },
  { area: 'notebook files', input: 'cell of an unknown kind', run: () => messageOf(() => parseSnb('{"cells": [{"kind": "raw", "source": "x"}]}', 'month-end.snb')), says: 'month-end.snb: cell 1 has unknown kind "raw". The file was left untouched.' },
  { area: 'notebook files', input: 'outputs that are not a list', run: () => messageOf(() => parseSnb('{"cells": [{"kind": "code", "source": "x", "outputs": {}}]}', 'month-end.snb')), says: 'month-end.snb: cell 1 has "outputs" that is not a list. The file was left untouched.' },
  { area: 'notebook files', input: 'output item without a MIME type', run: () => messageOf(() => parseSnb('{"cells": [{"kind": "code", "source": "x", "outputs": [{"items": [{"data": "1"}]}]}]}', 'month-end.snb')), says: 'month-end.snb: cell 1, output 1, item 1 has no "mime" text. The file was left untouched.' },
  {
    area: 'notebook files',
    input: 'UTF-8 byte-order mark',
    run: () => messageOf(() => `opened ${parseSnb('\uFEFF{"version": 1, "cells": [{"kind": "code", "language": "suiteql", "source": "SELECT 1 FROM dual"}]}').cells.length} cell`),
    says: 'opened 1 cell',
  },
  ...[
    ['unknown top-level and cell keys', { version: 1, account: 'TSTDRV1', title: 'Month end', cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT 1 FROM dual', tags: ['finance'] }] }],
    ['numeric account', { version: 1, account: 1234567, cells: [] }],
    ['JSON output data without saveOutputs', { version: 1, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer', outputs: [{ items: [{ mime: 'application/json', data: { rows: [[1]] } }] }] }] }],
    ['saveOutputs written as a string', { version: 1, saveOutputs: 'yes', cells: [] }],
  ].map(
    ([input, file]): SweepCase => ({
      area: 'notebook files',
      input: `save keeps ${String(input)}`,
      run: () => messageOf(() => (isDeepStrictEqual(reopenAndSave(JSON.stringify(file)), file) ? 'saved unchanged' : `changed: ${JSON.stringify(reopenAndSave(JSON.stringify(file)))}`)),
      says: 'saved unchanged',
    }),
  ),

  // Exports: the writer the export command uses, into folders and disks that fail; the previous export survives.
  { area: 'exports', input: 'folder path through a file', run: (context) => exportTo(context, rowsOf([{ id: '1' }]), 'csv', {}, join(context.folder, 'previous.csv', 'out.csv')), says: /^Export to out\.csv failed: .+previous\.csv is not a folder \(part of the path is a file\)\. Choose another folder\. out\.csv was not changed\.$/, intact: previousKept('csv') },
  { area: 'exports', input: 'folder deleted after the save dialog', run: (context) => exportTo(context, rowsOf([{ id: '1' }]), 'json', {}, join(context.folder, 'gone', 'out.json')), says: /^Export to out\.json failed: The folder .+\/gone does not exist \(any more\): was it deleted, renamed or unmounted\?/, intact: previousKept('json') },
  { area: 'exports', input: 'folder it may not write', run: (context) => exportTo(context, rowsOf([{ id: '1' }]), 'csv', {}, '/sys/suitelens-sweep.csv'), says: 'Export to suitelens-sweep.csv failed: Permission denied: SuiteLens may not write in /sys. Choose a folder you can write to. suitelens-sweep.csv was not changed.' },
  { area: 'exports', input: 'full disk', run: (context) => exportTo(context, rowsOf(Array.from({ length: 5000 }, (_, i) => ({ id: String(i) }))), 'csv', { openFile: () => open('/dev/full', 'w') }), says: /^Export to previous\.csv failed: The disk holding .+ is full\. Free some space or choose another disk\. previous\.csv was not changed\.$/, intact: previousKept('csv') },
  {
    area: 'exports',
    input: 'target is a folder',
    run: (context) => {
      mkdirSync(join(context.folder, 'out.csv'));
      return exportTo(context, rowsOf([{ id: '1' }]), 'csv', {}, join(context.folder, 'out.csv'));
    },
    says: 'Export to out.csv failed: out.csv is a folder, not a file. Choose a file name. out.csv was not changed.',
    intact: (context) => expect(readdirSync(context.folder).sort()).toEqual(['out.csv', 'previous.csv', 'previous.json']),
  },
  { area: 'exports', input: 'answer that is not rows', run: (context) => exportTo(context, rowsOf(['<html>Sign in</html>' as unknown as SuiteQLItem]), 'json'), says: 'Export to previous.json failed: The answer was not rows of a query result (got string); nothing was exported. previous.json was not changed.', intact: previousKept('json') },
  { area: 'exports', input: 'query NetSuite refuses', run: (context) => exportTo(context, sandboxRows(context.client, 'SELECT id FORM customer'), 'csv'), says: /^Export to previous\.csv failed: NetSuite answered 400 INVALID_PARAMETER: .*Invalid or unsupported search\. previous\.csv was not changed\.$/, intact: previousKept('csv') },
  {
    area: 'exports',
    input: 'cancel while NetSuite does not answer',
    run: (context) => {
      const controller = new AbortController();
      async function* stuck(): AsyncGenerator<SuiteQLItem> {
        yield { id: '1' };
        await new Promise(() => undefined);
      }
      setTimeout(() => controller.abort(), 30);
      return exportTo(context, stuck(), 'csv', { signal: controller.signal });
    },
    says: /^Export to previous\.csv failed: .*(abort|cancel).* previous\.csv was not changed\.$/i,
    intact: previousKept('csv'),
  },

  // Faults: the sandbox's fault injection on every request of the case.
  {
    area: 'faults',
    input: 'every request answers 500',
    run: ({ setup, client }) => {
      setup.sandbox.configure({ faults: { ...noFaults, rate500: 1 } });
      return messageOf(() => client.queryPage('SELECT id FROM customer'));
    },
    says: /^NetSuite answered 500 UNEXPECTED_ERROR: An unexpected error occurred\. Error ID: [a-z0-9]{21}$/,
  },
  {
    area: 'faults',
    input: 'every request answers 429',
    run: ({ setup, client }) => {
      setup.sandbox.configure({ faults: { ...noFaults, rate429: 1 } });
      return messageOf(() => client.queryPage('SELECT id FROM customer'));
    },
    says: 'NetSuite answered 429 CONCURRENCY_LIMIT_EXCEEDED: Concurrent request limit exceeded. Request blocked.',
  },
  {
    area: 'faults',
    input: 'connection reset before a patch commits',
    run: async ({ setup, client, kept, subsidiaryId }) => {
      const created = await client.records.create('customer', { companyName: 'Sweep Reset Co', subsidiary: { id: subsidiaryId }, phone: '555-0100' });
      kept.customerId = created.id;
      setup.sandbox.configure({ faults: { ...noFaults, resetBeforeCommitRate: 1 } });
      return messageOf(() => client.records.patch('customer', created.id, { phone: '555-0199' }));
    },
    says: /^Could not reach NetSuite \(PATCH \/services\/rest\/record\/v1\/customer\/\d+\): .*ECONNRESET/,
    intact: async ({ setup, client, kept }) => {
      setup.sandbox.configure({ faults: noFaults });
      expect((await client.records.get('customer', String(kept.customerId))).phone).toBe('555-0100');
    },
  },
  {
    area: 'faults',
    input: 'every request answers 500 during a delete',
    run: async ({ setup, client, kept, subsidiaryId }) => {
      const created = await client.records.create('customer', { companyName: 'Sweep Delete 500 Co', subsidiary: { id: subsidiaryId } });
      kept.customerId = created.id;
      setup.sandbox.configure({ faults: { ...noFaults, rate500: 1 } });
      return messageOf(() => client.records.delete('customer', created.id));
    },
    says: /^NetSuite answered 500 UNEXPECTED_ERROR: An unexpected error occurred\./,
    intact: async ({ setup, client, kept }) => {
      setup.sandbox.configure({ faults: noFaults });
      expect((await client.records.get('customer', String(kept.customerId))).companyName).toBe('Sweep Delete 500 Co');
    },
  },
  {
    area: 'faults',
    input: 'export while every request answers 500',
    run: (context) => {
      context.setup.sandbox.configure({ faults: { ...noFaults, rate500: 1 } });
      return exportTo(context, sandboxRows(context.client, 'SELECT id, companyname FROM customer ORDER BY id'), 'csv');
    },
    says: /^Export to previous\.csv failed: NetSuite answered 500 UNEXPECTED_ERROR: An unexpected error occurred\. Error ID: [a-z0-9]{21} previous\.csv was not changed\.$/,
    intact: previousKept('csv'),
  },
];

// Answers that are not NetSuite's (fixed in the client's HTTP layer), and a PATCH whose answer was lost.
const signInPage = '<!DOCTYPE html><html><head><title>Sign in - Corp SSO</title></head><body><form><input name="user"></form></body></html>';
const html = (status: number, body: string): ProxyAnswer => (_request, response) => response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);

cases.push(
  {
    area: 'answers not NetSuite’s',
    input: '200 sign-in page at the connection test',
    run: async ({ proxy }) => {
      proxy.answer = html(200, signInPage);
      try {
        await proxy.client().queryPage('SELECT id FROM customer', 0, { pageSize: 1 });
        return 'accepted';
      } catch (error) {
        return describeConnectionFailure(error, 'tba');
      }
    },
    says: /^The answer was not NetSuite's: an HTML page titled "Sign in - Corp SSO", perhaps a sign-in page or a proxy/,
  },
  {
    area: 'answers not NetSuite’s',
    input: '200 sign-in page during an export',
    run: (context) => {
      context.proxy.answer = html(200, signInPage);
      return exportTo(context, sandboxRows(context.proxy.client(), 'SELECT id FROM customer'), 'csv');
    },
    says: `Export to previous.csv failed: The answer was not NetSuite's: an HTML page titled "Sign in - Corp SSO", perhaps a sign-in page or a proxy previous.csv was not changed.`,
    intact: previousKept('csv'),
  },
  {
    area: 'answers not NetSuite’s',
    input: 'plain-text 200',
    run: ({ proxy }) => {
      proxy.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return messageOf(() => proxy.client().records.list('customer'));
    },
    says: "The answer was not NetSuite's: a text/plain body of 2 bytes, perhaps from a proxy",
  },
  {
    area: 'answers not NetSuite’s',
    input: '302 after a create',
    run: ({ proxy }) => {
      proxy.answer = (_request, response) => response.writeHead(302, { location: 'https://sso.example.com/login?ticket=abc123secret' }).end();
      return messageOf(() => proxy.client().records.create('customer', { companyName: 'Sweep Never Made Co' }));
    },
    says: "The answer was not NetSuite's: a redirect (302) to https://sso.example.com/login, perhaps to a sign-in page or a proxy",
    intact: ({ proxy }) => expect(proxy.requests.filter((request) => request.method === 'POST')).toHaveLength(1),
  },
  {
    area: 'answers not NetSuite’s',
    input: '301 on a query',
    run: ({ proxy }) => {
      proxy.answer = (_request, response) => response.writeHead(301, { location: '/elsewhere' }).end();
      return messageOf(() => proxy.client().queryPage('SELECT 1 AS one FROM dual'));
    },
    says: "The answer was not NetSuite's: a redirect (301) to /elsewhere, perhaps to a sign-in page or a proxy",
  },
  {
    area: 'answers not NetSuite’s',
    input: 'HTML 403 error page',
    run: ({ proxy }) => {
      proxy.answer = html(403, '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><script>x()</script></body></html>');
      return messageOf(() => proxy.client().records.get('customer', '5'));
    },
    says: 'NetSuite answered 403: an HTML page titled "403 Forbidden"',
  },
  {
    area: 'faults',
    input: 'answer to a PATCH adding a line lost after the commit',
    run: async ({ setup, client, kept, itemId }) => {
      const order = await client.records.create('salesOrder', { entity: { id: await firstId(client, 'customer') }, item: { items: [{ item: { id: itemId }, quantity: 1, rate: 1 }, { item: { id: itemId }, quantity: 2, rate: 1 }] } });
      kept.orderId = order.id;
      const impatient = setup.client({ backoff: { maxAttempts: 1 } });
      setup.sandbox.configure({ faults: { ...noFaults, resetAfterCommitRate: 1 } });
      return messageOf(() => impatient.records.patch('salesOrder', order.id, { item: { items: [{ item: { id: itemId }, quantity: 7, rate: 1 }] } }));
    },
    says: /^Could not reach NetSuite \(PATCH \/services\/rest\/record\/v1\/salesOrder\/\d+\): .*ECONNRESET.*\. The update salesOrder \d+ may have been applied: NetSuite's answer was lost$/,
    intact: async ({ setup, client, kept }) => {
      setup.sandbox.configure({ faults: noFaults });
      const order = await client.records.get('salesOrder', String(kept.orderId), { expandSubResources: true });
      expect(((order.item as { items: { quantity: number }[] }).items).map((line) => line.quantity)).toEqual([1, 2, 7]);
    },
  },
);

let context: Context;

let proxyServer: Server;
const proxyClients: NetSuiteClient[] = [];

beforeAll(async () => {
  const setup = await setUpClient();
  const client = setup.client();
  const requests: IncomingMessage[] = [];
  proxyServer = createServer((request, response) => {
    requests.push(request);
    request.resume();
    request.on('end', () => context.proxy.answer(request, response));
  });
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  const proxy: Context['proxy'] = {
    baseUrl: `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`,
    answer: (_request, response) => response.end(),
    requests,
    client() {
      const credentials = { consumerKey: 'sweepconsumerkey0123456789abcdef', consumerSecret: 'sweepconsumersecret0123456789abc', tokenId: 'sweeptokenid0123456789abcdefabcd', tokenSecret: 'sweeptokensecret0123456789abcdef' };
      const proxied = new NetSuiteClient({ accountId: '1234567_SB1', auth: new TbaAuthProvider('1234567_SB1', credentials), overrides: { restBaseUrl: proxy.baseUrl }, cacheRoot: setup.cacheRoot, backoff: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } });
      proxyClients.push(proxied);
      return proxied;
    },
  };
  context = { setup, client, subsidiaryId: await firstId(client, 'subsidiary'), itemId: await firstId(client, 'item'), folder: '', kept: {}, proxy };
});

afterEach(async () => {
  context.setup.sandbox.configure({ faults: noFaults });
  context.proxy.requests.length = 0;
  await Promise.all(proxyClients.splice(0).map((proxied) => proxied.dispose()));
});

afterAll(async () => {
  await new Promise<void>((resolve) => proxyServer?.close(() => resolve()));
  await context?.setup.stop();
});

describe('sweep of bad inputs: each gets a specific message and loses nothing', () => {
  it('covers every area with at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const areas = new Set(cases.map((c) => c.area));
    expect([...areas].sort()).toEqual(['accounts', 'answers not NetSuite’s', 'credentials', 'exports', 'faults', 'filters', 'notebook files', 'suiteql', 'writes']);
  });

  it.each(cases.map((c) => [`${c.area}: ${c.input}`, c] as const))('%s', async (_name, sweepCase) => {
    const folder = mkdtempSync(join(tmpdir(), 'sl-sweep-'));
    writeFileSync(join(folder, 'previous.csv'), previousExport);
    writeFileSync(join(folder, 'previous.json'), previousExport);
    context.folder = folder;
    context.kept = {};
    try {
      const said = await sweepCase.run(context);
      if (typeof sweepCase.says === 'string') expect(said).toBe(sweepCase.says);
      else expect(said).toMatch(sweepCase.says);
      await sweepCase.intact?.(context);
    } finally {
      if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    }
  });
});
