/**
 * A user whose NetSuite language differs from the company's: NetSuite refuses every REST request without
 * `Accept-Language: <company language>` (400 INVALID_HEADER). The client must learn the language from the refusal,
 * retry once and keep sending it — for the explorer, records, forms, SuiteQL and the metadata catalog alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyLanguage } from '../../src/netsuite/companyLanguage';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { applyAccountOptions } from '../../src/app/accounts/accountOptions';
import { createProfile } from '../../src/app/accounts/accountProfile';
import type { ExplorerNode, RecordTypeNode } from '../../src/app/explorer/explorerNodes';
import { ExplorerModel } from '../../src/app/explorer/explorerModel';
import { rejection, setUpClient, tbaAuth, type ClientSetup } from './client-sandbox';
import { oneAccountState } from '../../src/app/accounts/accountState';

let setup: ClientSetup;
const learned: string[] = [];

// The company language NetSuite's public error quotes; the demo's other-language user prefers something else.
const companyLanguage = 'zh';

function otherLanguageClient(language: CompanyLanguage): NetSuiteClient {
  return setup.client({ auth: tbaAuth(setup.sandbox, setup.sandbox.otherLanguageCredentials.tba), companyLanguage: language });
}

function requestsSince(seq: number) {
  return setup.sandbox.requestLog.list({ since: seq });
}

function lastSeq(): number {
  return setup.sandbox.requestLog.list().at(-1)?.seq ?? 0;
}

beforeAll(async () => {
  setup = await setUpClient({ companyLanguage });
}, 120_000);
afterAll(() => setup?.stop());

describe('Accept-Language for a user whose language is not the company language', () => {
  it('without the fix, the request fails with NetSuite\u2019s exact refusal (what users saw before)', async () => {
    const client = setup.client({ auth: tbaAuth(setup.sandbox, setup.sandbox.otherLanguageCredentials.tba) });
    const error = await rejection(client.records.list('customer', { limit: 1 }));
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      { detail: "Provide the Accept-Language header with your default company language value 'zh'.", code: 'INVALID_HEADER', errorHeader: 'Accept-Language' },
    ]);
  });

  it('explorer: the record type list and a page of records load, learning the language once', async () => {
    const language = new CompanyLanguage(undefined, (value) => learned.push(value));
    const client = otherLanguageClient(language);
    const profile = createProfile({ accountId: setup.sandbox.accountId, label: 'Other language', authKind: 'tba', restBaseUrl: setup.sandbox.baseUrl });
    const model = new ExplorerModel({ accounts: { list: () => [profile], scope: async () => ({ client }), state: oneAccountState(profile.accountId) }, pageSize: () => 10 });
    const since = lastSeq();
    const [account] = model.roots();
    const groups = await model.children(account);
    const standard = await model.children(groups[0]);
    const customers = standard.find((node): node is RecordTypeNode => node.kind === 'recordType' && node.recordType === 'customer');
    expect(customers).toBeDefined();
    const records = (await model.children(customers as ExplorerNode)).filter((node) => node.kind === 'record');
    expect(records).toHaveLength(10);

    expect(learned).toEqual([companyLanguage]);
    expect(language.value).toBe(companyLanguage);
    const sent = requestsSince(since);
    expect(sent.filter((entry) => entry.status === 400)).toHaveLength(1);
    // After the one refusal every request carried the company language, and none was refused again.
    const afterRefusal = sent.slice(sent.findIndex((entry) => entry.status === 400) + 1);
    expect(afterRefusal.length).toBeGreaterThan(1);
    for (const entry of afterRefusal) expect(entry.headers['accept-language']).toBe(companyLanguage);
  });

  it('record GET, a form save (PATCH), SuiteQL and the metadata catalog all work on a fresh client', async () => {
    const client = otherLanguageClient(new CompanyLanguage());
    const since = lastSeq();
    const { items } = await client.records.list('customer', { limit: 1 });
    const id = items[0].id;
    const customer = await client.records.get('customer', id);
    expect(customer.id).toBe(id);
    await client.records.patch('customer', id, { comments: 'Saved by a user whose language is not the company language' });
    expect((await client.records.get('customer', id)).comments).toBe('Saved by a user whose language is not the company language');
    const page = await client.queryPage('SELECT id, companyname FROM customer ORDER BY id', 0, { pageSize: 5 });
    expect(page.rows).toHaveLength(5);
    expect(await client.metadata.recordTypes({ refresh: true })).toContain('customer');
    expect(requestsSince(since).filter((entry) => entry.status === 400)).toHaveLength(1);
  });

  it('a language set as the account option is sent from the first request: no refusal at all', async () => {
    const profile = applyAccountOptions(createProfile({ accountId: setup.sandbox.accountId, authKind: 'tba', restBaseUrl: setup.sandbox.baseUrl }), { companyLanguage: ` ${companyLanguage} ` });
    expect(profile.companyLanguage).toBe(companyLanguage);
    const client = otherLanguageClient(new CompanyLanguage(profile.companyLanguage));
    const since = lastSeq();
    const page = await client.queryPage('SELECT id FROM customer ORDER BY id', 0, { pageSize: 1 });
    expect(page.rows).toHaveLength(1);
    const sent = requestsSince(since);
    expect(sent.map((entry) => entry.status)).toEqual([200]);
    expect(sent[0].headers['accept-language']).toBe(companyLanguage);
    expect(() => applyAccountOptions(profile, { companyLanguage: 'chinese please' })).toThrow(/not a language code.*zh, de or en_US/);
    expect(applyAccountOptions(profile, { companyLanguage: '' }).companyLanguage).toBeUndefined();
  });

  it('a wrong language set by the user is corrected once from NetSuite\u2019s answer', async () => {
    const client = otherLanguageClient(new CompanyLanguage('de'));
    const since = lastSeq();
    expect((await client.records.list('customer', { limit: 1 })).items).toHaveLength(1);
    const sent = requestsSince(since);
    expect(sent.map((entry) => [entry.status, entry.headers['accept-language']])).toEqual([
      [400, 'de'],
      [200, companyLanguage],
    ]);
  });

  it('a refusal whose detail names no readable language says where to find it', () => {
    const language = new CompanyLanguage();
    const body = { 'o:errorDetails': [{ detail: 'Provide the Accept-Language header.', 'o:errorCode': 'INVALID_HEADER', 'o:errorHeader': 'Accept-Language' }] };
    const error = language.onRefusal(body, undefined, false, 'GET /services/rest/record/v1/customer');
    expect(error === 'retry' || error === undefined ? '' : error.advice).toMatch(/account option "Company language".*Setup > Company > General Preferences/);
    expect(language.value).toBeUndefined();
  });

  it('over HTTP, a user with no retry left gets the error with the value to set', async () => {
    const client = otherLanguageClient(new CompanyLanguage('fr'));
    // A caller-set header wins over the learned one (as a proxy rewriting it would): the retry is refused too.
    const error = await rejection(
      client.http.request({ method: 'GET', path: 'record/v1/customer', query: { limit: 1 }, headers: { 'accept-language': 'fr' }, safety: 'idempotent' }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).toContain("Provide the Accept-Language header with your default company language value 'zh'.");
    expect(error.advice).toContain('set the account option "Company language" to zh');
  });

  it('the administrator, who shares the company language, sends no header and is never refused', async () => {
    const client = setup.client();
    const since = lastSeq();
    await client.records.list('customer', { limit: 1 });
    const sent = requestsSince(since);
    expect(sent.map((entry) => entry.status)).toEqual([200]);
    expect(sent[0].headers['accept-language']).toBeUndefined();
  });
});
