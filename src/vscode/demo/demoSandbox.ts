/**
 * "Try the demo sandbox": the NetSuite emulator started inside the extension host on a loopback port, with its
 * own generated credentials, registered as the "Demo (sandbox)" account. The sandbox bundle (PGlite and all) is
 * required only here, so users who never try the demo never load it.
 */
import { join } from 'node:path';
import type { startSandbox } from '../../sandbox/index';
import type { SandboxOptions } from '../../sandbox/options';
import { createProfile } from '../../app/accounts/accountProfile';
import type { AccountRegistry } from '../accounts/accountRegistry';

type SandboxHandle = Awaited<ReturnType<typeof startSandbox>>;
type SandboxModule = { startSandbox: typeof startSandbox };

export const demoLabel = 'Demo (sandbox)';
export const demoAccountId = 'TSTDRV1234567_SB1';

export class DemoSandbox {
  private running: Promise<{ handle: SandboxHandle; accountId: string }> | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly registry: AccountRegistry<unknown>,
    private readonly options: SandboxOptions = {},
  ) {}

  /** Starts the sandbox once (later calls reuse it) and returns the demo account's id. */
  async start(): Promise<string> {
    if (!this.running) {
      this.running = this.launch();
      this.running.catch(() => (this.running = undefined));
    }
    return (await this.running).accountId;
  }

  get baseUrl(): Promise<string | undefined> {
    return this.running?.then((r) => r.handle.baseUrl) ?? Promise.resolve(undefined);
  }

  private async launch(): Promise<{ handle: SandboxHandle; accountId: string }> {
    // A runtime require of the separate bundle keeps PGlite out of extension.js (see esbuild.mjs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sandbox = require(join(this.extensionPath, 'dist', 'sandbox.js')) as SandboxModule;
    // A sandbox-style id (`_SB1`): the demo must look and behave like a sandbox, never like production.
    // The demo's data is dated as of today, so 'last 12 months' and 'overdue' mean what they say (seed/shiftDates.ts).
    const handle = await sandbox.startSandbox({ port: 0, accountId: demoAccountId, datesEndToday: true, ...this.options });
    const profile = createProfile({
      accountId: handle.accountId,
      label: demoLabel,
      authKind: 'tba',
      restBaseUrl: handle.baseUrl,
      uiBaseUrl: handle.baseUrl,
      demo: true,
      confirmBeforeWrite: false,
    });
    // Test-only switch: the e2e run sets SUITELENS_E2E_DEMO_ROLE=narrow to browse as the sandbox's narrow role
    // and see NetSuite's 403 answers in the UI. Users never set it; unset means the administrator role.
    // SUITELENS_E2E_DEMO_ROLE=otherLanguage browses as a user whose language differs from the company's, so NetSuite
    // demands Accept-Language and the client must learn it.
    const demoRole = process.env.SUITELENS_E2E_DEMO_ROLE;
    const tba = demoRole === 'narrow' ? handle.narrowCredentials.tba : demoRole === 'otherLanguage' ? handle.otherLanguageCredentials.tba : handle.credentials.tba;
    await this.registry.save(profile, { tba: JSON.stringify(tba) });
    return { handle, accountId: profile.accountId };
  }

  async dispose(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    const { handle, accountId } = await running.catch(() => ({ handle: undefined, accountId: undefined }));
    if (accountId) await this.registry.remove(accountId).catch(() => undefined);
    await handle?.stop();
  }
}
