import { describe, expect, it } from 'vitest';
import { AccountIdError, normaliseAccountId, parseAccount, restRoot, tbaRealm } from '../../src/netsuite/account';
import { recordUiUrl } from '../../src/netsuite/uiLinks';

describe('account ids', () => {
  it.each([
    ['1234567', '1234567'],
    ['1234567_SB1', '1234567_SB1'],
    ['1234567-sb1', '1234567_SB1'],
    ['1234567_sb12', '1234567_SB12'],
    ['tstdrv123', 'TSTDRV123'],
    ['1234567_rp', '1234567_RP'],
    [' 1234567-SB2 ', '1234567_SB2'],
    ['1234567-sb1.suitetalk.api.netsuite.com', '1234567_SB1'],
    ['https://1234567-sb1.app.netsuite.com/app/center/card.nl', '1234567_SB1'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseAccountId(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['1234 567', 'spaces'],
    ['1234567_XY', 'SB<n> or RP'],
    ['12345$67', 'only letters, digits'],
    ['example.com', 'outside netsuite.com'],
  ])('rejects %j with a message saying why and showing the expected form', (input, reason) => {
    expect(() => normaliseAccountId(input)).toThrow(AccountIdError);
    expect(() => normaliseAccountId(input)).toThrow(reason);
    expect(() => normaliseAccountId(input)).toThrow(/1234567_SB1 \(sandbox\)/);
  });

  it.each([
    ['system.netsuite.com'],
    ['https://system.netsuite.com/pages/customerlogin.jsp'],
    ['app.netsuite.com'],
    ['www.netsuite.com'],
    ['https://www.netsuite.com/portal/home.shtml'],
    ['system.na1.netsuite.com'],
    ['webservices.netsuite.com'],
  ])("refuses NetSuite's own host %s as an account", (input) => {
    expect(() => normaliseAccountId(input)).toThrow(/is one of NetSuite's own hosts \(sign-in, data centre or website\), not your account's/);
  });

  it.each([
    ['1234\u200B567', /an invisible ZERO WIDTH SPACE \(U\+200B\) at position 5/],
    ['\u2060TSTDRV1', /WORD JOINER \(U\+2060\) at position 1/],
    ['１２３４５６７', /the full-width character "１" \(FULLWIDTH DIGIT ONE, U\+FF11\) at position 1/],
    ['1234567＿SB1', /FULLWIDTH form of "_", U\+FF3F/],
    ['1234567_SB1\u200E', /LEFT-TO-RIGHT MARK \(U\+200E\)/],
  ])('refuses %j naming the pasted character', (input, message) => {
    expect(() => normaliseAccountId(input)).toThrow(message);
  });

  it('derives hosts, realm and environment', () => {
    const sandbox = parseAccount('1234567-sb1');
    expect(sandbox.restBaseUrl).toBe('https://1234567-sb1.suitetalk.api.netsuite.com');
    expect(sandbox.uiBaseUrl).toBe('https://1234567-sb1.app.netsuite.com');
    expect(tbaRealm(sandbox)).toBe('1234567_SB1');
    expect(sandbox.environment).toBe('sandbox');
    expect(sandbox.sandboxNumber).toBe(1);
    expect(parseAccount('1234567').environment).toBe('production');
    expect(parseAccount('1234567_RP').environment).toBe('releasePreview');
    expect(parseAccount('TSTDRV123').hostLabel).toBe('tstdrv123');
    expect(restRoot(sandbox)).toBe('https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/');
  });

  it('lets a base URL override the hosts, keeping a proxy path prefix', () => {
    const account = parseAccount('TSTDRV123', { restBaseUrl: 'http://127.0.0.1:4567/', uiBaseUrl: 'https://proxy.example/ns/' });
    expect(restRoot(account)).toBe('http://127.0.0.1:4567/services/rest/');
    expect(account.uiBaseUrl).toBe('https://proxy.example/ns');
    expect(account.overridden).toBe(true);
    expect(() => parseAccount('TSTDRV123', { restBaseUrl: 'ftp://x' })).toThrow(/http or https/);
  });
});

describe('open in NetSuite links', () => {
  const account = parseAccount('1234567_SB1');

  it('uses the specific page of a known type, case-insensitively', () => {
    expect(recordUiUrl(account, { recordType: 'salesOrder', id: '42' })).toBe('https://1234567-sb1.app.netsuite.com/app/accounting/transactions/salesord.nl?id=42');
    expect(recordUiUrl(account, { recordType: 'customer', id: '7', edit: true })).toBe('https://1234567-sb1.app.netsuite.com/app/common/entity/custjob.nl?id=7&e=T');
  });

  it('falls back to the family page for unknown transactions and entities', () => {
    expect(recordUiUrl(account, { recordType: 'statisticalJournalEntry', id: '3', family: 'transaction' })).toBe(
      'https://1234567-sb1.app.netsuite.com/app/accounting/transactions/transaction.nl?id=3',
    );
    expect(recordUiUrl(account, { recordType: 'lead', id: '9', family: 'entity' })).toBe('https://1234567-sb1.app.netsuite.com/app/common/entity/entity.nl?id=9');
    expect(recordUiUrl(account, { recordType: 'mystery', id: '9' })).toBeUndefined();
  });

  it('links custom records by their numeric type id', () => {
    expect(recordUiUrl(account, { recordType: 'customrecord_milestone', id: '4', customRecordTypeInternalId: '118' })).toBe(
      'https://1234567-sb1.app.netsuite.com/app/common/custom/custrecordentry.nl?rectype=118&id=4',
    );
    expect(recordUiUrl(account, { recordType: 'customrecord_milestone', id: '4' })).toBeUndefined();
  });
});
