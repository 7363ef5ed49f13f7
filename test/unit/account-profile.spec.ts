import { describe, expect, it } from 'vitest';
import { createProfile, describeProfile, isAccountProfile } from '../../src/app/accounts/accountProfile';

describe('account profiles', () => {
  it('normalises the id, derives the environment and asks before writes on production by default', () => {
    const production = createProfile({ accountId: '1234567', authKind: 'tba' });
    expect(production).toMatchObject({ accountId: '1234567', environment: 'production', confirmBeforeWrite: true, readOnly: false, concurrencyLimit: 5 });
    const sandbox = createProfile({ accountId: '1234567-sb1', authKind: 'oauth2', label: 'Acme sandbox' });
    expect(sandbox).toMatchObject({ accountId: '1234567_SB1', environment: 'sandbox', confirmBeforeWrite: false, label: 'Acme sandbox' });
    expect(createProfile({ accountId: '1234567_RP', authKind: 'tba' }).environment).toBe('releasePreview');
  });

  it('refuses bad ids and limits with a message that shows the expected form', () => {
    expect(() => createProfile({ accountId: 'acme corp', authKind: 'tba' })).toThrow(/1234567_SB1/);
    expect(() => createProfile({ accountId: '1234567', authKind: 'tba', concurrencyLimit: 0 })).toThrow(/1 to 100/);
  });

  it('spells out the environment in its description', () => {
    expect(describeProfile(createProfile({ accountId: '1234567', authKind: 'tba', label: 'Acme', readOnly: true }))).toBe('Acme · 1234567 · Production · read-only');
    expect(describeProfile(createProfile({ accountId: 'TSTDRV1_SB1', authKind: 'tba', demo: true, label: 'Demo (sandbox)' }))).toBe('Demo (sandbox) · TSTDRV1_SB1 · Demo sandbox');
  });

  it('holds no secret fields and survives a round trip through storage', () => {
    const profile = createProfile({ accountId: '1234567_SB1', authKind: 'clientCredentials', clientId: 'abc', certificateId: 'cert-1' });
    const stored = JSON.parse(JSON.stringify(profile));
    expect(isAccountProfile(stored)).toBe(true);
    expect(Object.keys(stored).some((key) => /secret|token|key|password/i.test(key))).toBe(false);
    expect(isAccountProfile({ ...stored, authKind: 'basic' })).toBe(false);
  });
});
