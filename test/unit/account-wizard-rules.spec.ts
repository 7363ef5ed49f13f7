import { describe, expect, it } from 'vitest';
import { NetSuiteError } from '../../src/netsuite/errors';
import { draftForReentry, oauth2RedirectUri, splitDraft } from '../../src/app/accounts/accountDraft';
import { accountIdFeedback, baseUrlProblem, concurrencyLimitProblem, credentialProblem, privateKeyProblem } from '../../src/app/accounts/accountInputs';
import { describeConnectionFailure, isFatalConnectionFailure } from '../../src/app/accounts/connectionFailure';

const tba = { consumerKey: 'ck'.repeat(32), consumerSecret: 'cs'.repeat(32), tokenId: 'ti'.repeat(32), tokenSecret: 'ts'.repeat(32) };
const pem = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';

describe('account id feedback while typing', () => {
  it('names the environment it understood, production in capitals', () => {
    expect(accountIdFeedback('1234567')).toEqual({ severity: 'info', message: 'PRODUCTION account 1234567' });
    expect(accountIdFeedback('1234567-sb1')).toEqual({ severity: 'info', message: 'Sandbox account 1234567_SB1' });
    expect(accountIdFeedback('https://1234567-rp.app.netsuite.com/app/center/card.nl')).toEqual({ severity: 'info', message: 'Release Preview account 1234567_RP' });
  });

  it('gives the AccountIdError reason for bad ids', () => {
    expect(accountIdFeedback('')).toMatchObject({ severity: 'error', message: expect.stringContaining('it is empty') });
    expect(accountIdFeedback('1234 567')).toMatchObject({ severity: 'error', message: expect.stringContaining('it contains spaces') });
    expect(accountIdFeedback('1234567_XY')).toMatchObject({ severity: 'error', message: expect.stringContaining('SB<n> or RP') });
    expect(accountIdFeedback('evil.example.com')).toMatchObject({ severity: 'error', message: expect.stringContaining('outside netsuite.com') });
  });
});

describe('other wizard fields', () => {
  it('accepts http(s) base URLs and refuses queries, credentials and other schemes', () => {
    expect(baseUrlProblem('http://127.0.0.1:4567')).toBeUndefined();
    expect(baseUrlProblem('https://proxy.example.com/netsuite/')).toBeUndefined();
    expect(baseUrlProblem('')).toMatch(/Enter the address/);
    expect(baseUrlProblem('127.0.0.1:4567')).toMatch(/http:\/\/ or https:\/\/|not a URL/);
    expect(baseUrlProblem('ftp://host')).toMatch(/must start with http/);
    expect(baseUrlProblem('http://host/?a=1')).toMatch(/query/);
    expect(baseUrlProblem('http://user:pw@host')).toMatch(/credentials/);
  });

  it('names invisible and full-width characters pasted into keys and secrets', () => {
    expect(credentialProblem('token secret', 'abc\u200Bdef')).toBe(
      "The token secret contains an invisible ZERO WIDTH SPACE (U+200B) at position 4, which NetSuite would reject; paste it again from NetSuite's own page, or type it.",
    );
    expect(credentialProblem('consumer key', 'ab\u00A0cd')).toMatch(/NO-BREAK SPACE \(U\+00A0\) at position 3/);
    expect(credentialProblem('token id', 'ａｂｃ')).toMatch(/full-width character "ａ" \(FULLWIDTH LATIN SMALL LETTER A, U\+FF41\)/);
    expect(accountIdFeedback('https://system.netsuite.com/app/login/secure/enterpriselogin.nl')).toMatchObject({ severity: 'error', message: expect.stringContaining("NetSuite's own hosts") });
  });

  it('catches pasted whitespace in keys and allows an empty optional secret', () => {
    expect(credentialProblem('token secret', 'abc def')).toMatch(/space or line break/);
    expect(credentialProblem('token secret', '')).toBe('Enter the token secret.');
    expect(credentialProblem('client secret', '', true)).toBeUndefined();
    expect(credentialProblem('token id', 'abc')).toBeUndefined();
  });

  it('accepts a PEM private key and names what a wrong file is', () => {
    expect(privateKeyProblem(pem)).toBeUndefined();
    expect(privateKeyProblem('-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----')).toBeUndefined();
    expect(privateKeyProblem('-----BEGIN CERTIFICATE-----\nx')).toMatch(/certificate .* choose the matching PRIVATE KEY/);
    expect(privateKeyProblem('-----BEGIN PUBLIC KEY-----\nx')).toMatch(/public key/);
    expect(privateKeyProblem('-----BEGIN ENCRYPTED PRIVATE KEY-----\nx')).toMatch(/passphrase/);
    expect(privateKeyProblem('just text')).toMatch(/not a PEM private key/);
  });

  it('takes a concurrency limit from 1 to 100', () => {
    expect(concurrencyLimitProblem('5')).toBeUndefined();
    for (const bad of ['0', '101', '2.5', 'five', '']) expect(concurrencyLimitProblem(bad)).toMatch(/whole number from 1 to 100/);
  });
});

describe('splitDraft: secrets to SecretStorage, the rest to the profile', () => {
  it('keeps every TBA key out of the profile', () => {
    const { profile, secrets } = splitDraft({ accountId: '1234567_sb1', baseUrl: 'http://127.0.0.1:4567', credentials: { kind: 'tba', ...tba } });
    expect(profile).toMatchObject({ accountId: '1234567_SB1', authKind: 'tba', environment: 'sandbox', restBaseUrl: 'http://127.0.0.1:4567', uiBaseUrl: 'http://127.0.0.1:4567' });
    for (const value of Object.values(tba)) expect(JSON.stringify(profile)).not.toContain(value);
    expect(JSON.parse(secrets.tba ?? '')).toEqual(tba);
  });

  it('stores the key contents (not a path) for client credentials and keeps ids in the profile', () => {
    const { profile, secrets } = splitDraft({ accountId: '1234567', credentials: { kind: 'clientCredentials', clientId: 'cid', certificateId: 'cert-1', privateKeyPem: pem } });
    expect(profile).toMatchObject({ clientId: 'cid', certificateId: 'cert-1', environment: 'production', confirmBeforeWrite: true });
    expect(profile.restBaseUrl).toBeUndefined();
    expect(JSON.stringify(profile)).not.toContain('PRIVATE KEY');
    expect(JSON.parse(secrets.clientCredentials ?? '')).toEqual({ privateKeyPem: pem });
  });

  it('gives OAuth 2.0 the vscode:// redirect and keeps a confidential client secret secret', () => {
    const { profile, secrets } = splitDraft({ accountId: '1234567_RP', credentials: { kind: 'oauth2', clientId: 'cid', clientSecret: 'shh-secret' } });
    expect(profile).toMatchObject({ redirectUri: oauth2RedirectUri, clientId: 'cid', environment: 'releasePreview' });
    expect(oauth2RedirectUri).toBe('vscode://suitelens.suitelens/oauth2/callback');
    expect(JSON.stringify(profile)).not.toContain('shh-secret');
    expect(JSON.parse(secrets.oauth2 ?? '')).toEqual({ clientSecret: 'shh-secret' });
    expect(JSON.parse(splitDraft({ accountId: '1', credentials: { kind: 'oauth2', clientId: 'c' } }).secrets.oauth2 ?? '')).toEqual({});
  });

  it('refuses a bad account id or base URL with the specific reason', () => {
    expect(() => splitDraft({ accountId: 'no spaces please', credentials: { kind: 'tba', ...tba } })).toThrow(/contains spaces/);
    expect(() => splitDraft({ accountId: '1234567', baseUrl: 'not a url', credentials: { kind: 'tba', ...tba } })).toThrow(/is not a URL/);
  });
});

describe('connection test failures', () => {
  const invalidLogin = new NetSuiteError({
    kind: 'auth',
    status: 401,
    message: 'NetSuite answered 401 INVALID_LOGIN: Invalid login attempt.',
    advice: 'Sign in again.',
    details: [{ detail: 'Invalid login attempt.', code: 'INVALID_LOGIN' }],
  });

  it('quotes NetSuite and, for a refused login, what to check for the auth kind', () => {
    const tbaText = describeConnectionFailure(invalidLogin, 'tba');
    expect(tbaText).toBe(
      'NetSuite answered 401 INVALID_LOGIN: Invalid login attempt. Check the consumer key/secret (Setup > Integration > Manage Integrations) and the token id/secret (Setup > Users/Roles > Access Tokens), and that the token belongs to this account.',
    );
    expect(describeConnectionFailure(invalidLogin, 'clientCredentials')).toMatch(/certificate id .* private key matches/);
    expect(describeConnectionFailure(invalidLogin, 'oauth2')).toMatch(/redirect URI is vscode:\/\/suitelens\.suitelens\/oauth2\/callback/);
  });

  it('keeps the core advice for other failures', () => {
    const down = new NetSuiteError({ kind: 'network', message: 'Could not reach NetSuite (GET /x): connect ECONNREFUSED', advice: 'Check your network connection.' });
    expect(describeConnectionFailure(down, 'tba')).toBe('Could not reach NetSuite (GET /x): connect ECONNREFUSED. Check your network connection.');
  });

  it('lets a permission refusal through (the credentials work) but nothing else', () => {
    const forbidden = new NetSuiteError({ kind: 'permission', status: 403, message: 'NetSuite answered 403', advice: 'Ask an admin.' });
    expect(isFatalConnectionFailure(forbidden)).toBe(false);
    expect(isFatalConnectionFailure(invalidLogin)).toBe(true);
    expect(isFatalConnectionFailure(new Error('ECONNREFUSED'))).toBe(true);
  });
});

describe('draftForReentry: new credentials for an account SuiteLens has', () => {
  it('keeps the id, name, address and non-secret ids, and leaves every secret empty', () => {
    const { profile } = splitDraft({ accountId: '1234567', label: 'Acme', baseUrl: 'http://127.0.0.1:4567', credentials: { kind: 'clientCredentials', clientId: 'cid', certificateId: 'cert-1', privateKeyPem: pem } });
    expect(draftForReentry(profile)).toEqual({
      accountId: '1234567',
      label: 'Acme',
      baseUrl: 'http://127.0.0.1:4567',
      credentials: { kind: 'clientCredentials', clientId: 'cid', certificateId: 'cert-1', privateKeyPem: '' },
    });
    const tbaProfile = splitDraft({ accountId: '1234567_SB1', credentials: { kind: 'tba', ...tba } }).profile;
    expect(draftForReentry(tbaProfile)).toEqual({ accountId: '1234567_SB1', label: '1234567_SB1', credentials: { kind: 'tba', consumerKey: '', consumerSecret: '', tokenId: '', tokenSecret: '' } });
  });
});
