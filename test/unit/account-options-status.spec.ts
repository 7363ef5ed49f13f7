import { describe, expect, it } from 'vitest';
import { createProfile } from '../../src/app/accounts/accountProfile';
import { accountOptionRows, applyAccountOptions, needsExtraConfirmation } from '../../src/app/accounts/accountOptions';
import { statusBarLook } from '../../src/app/accounts/statusBarLook';
import { OAuth2Callbacks, SignInCancelledError } from '../../src/app/accounts/oauth2Callbacks';

const production = createProfile({ accountId: '1234567', label: 'Acme', authKind: 'tba' });
const sandbox = createProfile({ accountId: '1234567_SB1', label: 'Acme test', authKind: 'tba' });
const preview = createProfile({ accountId: '1234567_RP', authKind: 'oauth2' });
const demo = createProfile({ accountId: 'TSTDRV1234567', label: 'Demo (sandbox)', authKind: 'tba', demo: true, confirmBeforeWrite: false });

describe('per-account options', () => {
  it('changes read-only, confirmation, limit and name, and leaves the rest alone', () => {
    const changed = applyAccountOptions(sandbox, { readOnly: true, confirmBeforeWrite: true, concurrencyLimit: 15, label: '  Staging  ' });
    expect(changed).toEqual({ ...sandbox, readOnly: true, confirmBeforeWrite: true, concurrencyLimit: 15, label: 'Staging' });
    expect(sandbox.readOnly).toBe(false);
  });

  it('refuses a limit outside 1–100 and an empty name', () => {
    expect(() => applyAccountOptions(sandbox, { concurrencyLimit: 0 })).toThrow(/whole number from 1 to 100.*got 0/);
    expect(() => applyAccountOptions(sandbox, { concurrencyLimit: 2.5 })).toThrow(/got 2.5/);
    expect(() => applyAccountOptions(sandbox, { label: '  ' })).toThrow(/cannot be empty/);
  });

  it('asks twice before write confirmation goes off on production only', () => {
    expect(production.confirmBeforeWrite).toBe(true);
    expect(sandbox.confirmBeforeWrite).toBe(false);
    expect(needsExtraConfirmation(production, { confirmBeforeWrite: false })).toBe(true);
    expect(needsExtraConfirmation(production, { readOnly: true })).toBe(false);
    expect(needsExtraConfirmation(applyAccountOptions(sandbox, { confirmBeforeWrite: true }), { confirmBeforeWrite: false })).toBe(false);
  });

  it('lists each option with its current value', () => {
    expect(accountOptionRows(production).map((row) => [row.label, row.value])).toEqual([
      ['Read-only', 'Off'],
      ['Confirm before each write', 'On'],
      ['Concurrency limit', '5'],
      ['Company language', 'Not set'],
      ['Name', 'Acme'],
    ]);
    expect(accountOptionRows(applyAccountOptions(production, { companyLanguage: 'zh' })).find((row) => row.option === 'companyLanguage')?.value).toBe('zh');
  });
});

describe('status bar look per environment', () => {
  it('makes production red and says PRODUCTION', () => {
    const look = statusBarLook(production);
    expect(look.text).toBe('$(warning) PRODUCTION · Acme');
    expect(look.backgroundColor).toBe('statusBarItem.errorBackground');
    expect(look.color).toBe('statusBarItem.errorForeground');
    expect(look.tooltip).toMatch(/PRODUCTION account: changes are real \(SuiteLens asks before each write\)/);
  });

  it('keeps release preview amber, sandboxes and the demo plain, and each distinct', () => {
    expect(statusBarLook(preview)).toMatchObject({ text: '$(eye) RELEASE PREVIEW · 1234567_RP', backgroundColor: 'statusBarItem.warningBackground' });
    expect(statusBarLook(sandbox)).toEqual({ text: '$(beaker) Sandbox · Acme test', tooltip: 'Acme test · 1234567_SB1 · Sandbox\nClick to switch account.' });
    // The demo's TSTDRV id parses as production, but it is a local emulator: never styled as production.
    expect(statusBarLook(demo).backgroundColor).toBeUndefined();
    expect(statusBarLook(demo).text).toBe('$(beaker) Demo (sandbox)');
    const texts = [production, preview, sandbox, demo].map((p) => statusBarLook(p).text);
    expect(new Set(texts).size).toBe(4);
  });

  it('adds a lock to a read-only account', () => {
    expect(statusBarLook(applyAccountOptions(production, { readOnly: true }))).toMatchObject({
      text: '$(warning) PRODUCTION · Acme $(lock)',
      backgroundColor: 'statusBarItem.errorBackground',
    });
    expect(statusBarLook(applyAccountOptions(sandbox, { readOnly: true })).tooltip).toMatch(/read-only/);
  });

  it('offers to add an account when there is none', () => {
    expect(statusBarLook(undefined)).toEqual({ text: '$(cloud) NetSuite: add account', tooltip: 'No NetSuite account yet. Click to add one.' });
  });
});

describe('OAuth 2.0 redirects waiting by state', () => {
  it('hands a redirect only to the sign-in that waits for its state', async () => {
    const callbacks = new OAuth2Callbacks();
    const waiting = callbacks.expect('state-1');
    expect(callbacks.deliver(new URL('vscode://suitelens.suitelens/oauth2/callback?code=x&state=forged'))).toBe(false);
    expect(callbacks.deliver(new URL('vscode://suitelens.suitelens/oauth2/callback?code=c1&state=state-1'))).toBe(true);
    expect((await waiting).searchParams.get('code')).toBe('c1');
    // Used once: the same redirect again finds nobody waiting.
    expect(callbacks.deliver(new URL('vscode://suitelens.suitelens/oauth2/callback?code=c1&state=state-1'))).toBe(false);
    expect(callbacks.pendingCount).toBe(0);
  });

  it('stops waiting when cancelled or when SuiteLens stops', async () => {
    const callbacks = new OAuth2Callbacks();
    const abort = new AbortController();
    const cancelled = callbacks.expect('s1', abort.signal);
    abort.abort();
    await expect(cancelled).rejects.toThrow(SignInCancelledError);
    const dropped = callbacks.expect('s2');
    callbacks.cancel('s2', 'The browser could not be opened for the NetSuite sign-in.');
    await expect(dropped).rejects.toThrow(/browser could not be opened/);
    const stopped = callbacks.expect('s3');
    callbacks.dispose();
    await expect(stopped).rejects.toThrow(/stopped before the sign-in finished/);
    expect(callbacks.pendingCount).toBe(0);
  });
});
