/**
 * "SuiteLens: Add NetSuite Account…": account id → auth kind → the kind's fields → where it is served, with
 * validation as the user types; then a connection test, and on failure NetSuite's reason and a way back in with
 * everything already filled in.
 */
import * as vscode from 'vscode';
import { parseAccount } from '../../netsuite/account';
import type { AuthKind } from '../../netsuite/auth/types';
import { oauth2RedirectUri, type AccountDraft, type DraftCredentials } from '../../app/accounts/accountDraft';
import { accountIdFeedback, baseUrlProblem, credentialProblem, privateKeyProblem } from '../../app/accounts/accountInputs';
import { ConnectionTestError, type AccountService } from '../../app/accounts/accountService';
import { SignInCancelledError } from '../../app/accounts/oauth2Callbacks';
import { pasteRedirectProgressMessage } from './pasteRedirect';
import { SecretStorageUnavailableError } from './secretStorageStore';
import { describeError } from '../../netsuite/describeError';
import { back, inputStep, pickStep, type StepButton, type StepResult } from './wizardSteps';

const title = 'Add NetSuite Account';

/** Runs the wizard; resolves with the added account's id, or undefined when the user cancelled. */
export async function runAddAccountWizard(service: AccountService, previous?: AccountDraft): Promise<string | undefined> {
  const draft = await collectDraft(previous);
  if (!draft) return undefined;
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: draft.credentials.kind === 'oauth2' ? `Signing in to ${draft.accountId} in your browser` : `Testing the connection to ${draft.accountId}…`,
        cancellable: true,
      },
      (progress, token) => {
        if (draft.credentials.kind === 'oauth2') progress.report({ message: pasteRedirectProgressMessage });
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return service.add(draft, { signal: abort.signal });
      },
    );
    if (result.warning) void vscode.window.showWarningMessage(`Added ${result.profile.label}. ${result.warning}`);
    else void vscode.window.showInformationMessage(`Added NetSuite account ${result.profile.label}; the connection works.`);
    return result.profile.accountId;
  } catch (error) {
    if (error instanceof SignInCancelledError) {
      void vscode.window.showWarningMessage(error.message);
      return undefined;
    }
    if (error instanceof SecretStorageUnavailableError) {
      void showSecretStorageHelp(error);
      return undefined;
    }
    const message = error instanceof ConnectionTestError ? error.message : `Could not add the account: ${describeError(error)}`;
    const choice = await vscode.window.showErrorMessage(`${message} Nothing was saved.`, 'Edit and Try Again');
    return choice ? runAddAccountWizard(service, draft) : undefined;
  }
}

/** What the wizard has collected so far; Back keeps it, so a step shows what was typed there before. */
interface WizardState {
  accountId?: string;
  kind?: AuthKind;
  fields: Record<string, string>;
  /** '' for NetSuite's own hosts, else the override URL; undefined until the server step. */
  override?: boolean;
  baseUrl?: string;
}

/** A step moves on, goes back, is cancelled, or does not apply (`skip`: the runner goes on in the same direction). */
type StepOutcome = 'next' | 'back' | 'cancel' | 'skip';
type Step = (state: WizardState, canGoBack: boolean) => Promise<StepOutcome>;

function outcome<T>(result: StepResult<T>, keep: (value: T) => void): StepOutcome {
  if (result === undefined) return 'cancel';
  if (result === back) return 'back';
  keep(result);
  return 'next';
}

/**
 * Runs the steps with Back on every step but the first. The step list is read again after each step, because the
 * auth kind chosen on step 2 decides which fields step 3 asks for.
 */
async function collectDraft(previous?: AccountDraft): Promise<AccountDraft | undefined> {
  const state: WizardState = {
    accountId: previous?.accountId,
    kind: previous?.credentials.kind,
    fields: previous ? credentialFields(previous.credentials) : {},
    ...(previous ? { override: Boolean(previous.baseUrl), baseUrl: previous.baseUrl } : {}),
  };
  let index = 0;
  let direction: 'next' | 'back' = 'next';
  for (;;) {
    const steps = wizardSteps(state);
    if (index >= steps.length) break;
    if (index < 0) return undefined;
    const result = await steps[index](state, index > 0);
    if (result === 'cancel') return undefined;
    if (result !== 'skip') direction = result;
    index += direction === 'next' ? 1 : -1;
  }
  const credentials = draftCredentials(state);
  if (!state.accountId || !credentials) return undefined;
  return { accountId: state.accountId, label: previous?.label, credentials, ...(state.override && state.baseUrl ? { baseUrl: state.baseUrl } : {}) };
}

function wizardSteps(state: WizardState): Step[] {
  return [accountIdStep, authKindStep, ...credentialSteps(state.kind), serverStep, baseUrlStep];
}

const accountIdStep: Step = async (state, canGoBack) =>
  outcome(
    await inputStep({
      title: `${title} (1/4)`,
      prompt: 'NetSuite account id (Setup > Company > Company Information > Account ID), or a URL of the account',
      placeholder: '1234567_SB1',
      value: state.accountId,
      canGoBack,
      validate: (text) => {
        const feedback = accountIdFeedback(text);
        return { message: feedback.message, severity: feedback.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Info };
      },
    }),
    (text) => {
      state.accountId = parseAccount(text).id;
    },
  );

/** No keyring: retrying cannot help, so offer the README's way out instead of "try again". */
async function showSecretStorageHelp(error: SecretStorageUnavailableError): Promise<void> {
  const help = 'Open "Secrets on Linux"';
  if ((await vscode.window.showErrorMessage(`${error.message} No account was saved.`, help)) !== help) return;
  const extension = vscode.extensions.getExtension('suitelens.suitelens');
  if (extension) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extension.extensionUri, 'README.md'));
}

interface KindItem extends vscode.QuickPickItem {
  authKind: AuthKind;
}

const authKindStep: Step = async (state, canGoBack) => {
  const items: KindItem[] = [
    { authKind: 'oauth2', label: '$(globe) OAuth 2.0 — sign in with the browser', detail: 'Authorization code with PKCE; needs the integration record\'s client id (and secret, if confidential).' },
    { authKind: 'clientCredentials', label: '$(key) OAuth 2.0 client credentials (certificate)', detail: 'Machine-to-machine: client id, certificate id and the PEM private key of the uploaded certificate.' },
    { authKind: 'tba', label: '$(shield) Token-based authentication (TBA)', detail: 'Consumer key/secret of the integration and token id/secret of an access token.' },
  ];
  const result = await pickStep({
    title: `${title} (2/4)`,
    placeholder: 'How should SuiteLens sign in to NetSuite?',
    items,
    active: items.find((item) => item.authKind === state.kind),
    canGoBack,
    matchOnDetail: true,
  });
  return outcome(result, (item) => {
    if (item.authKind !== state.kind) state.fields = {};
    state.kind = item.authKind;
  });
};

/** One field of step 3: what NetSuite calls it, where to find it, and whether it is a secret. */
interface CredentialField {
  key: string;
  what: string;
  prompt: string;
  secret: boolean;
  optional?: boolean;
  /** Shown on the field's step: the redirect URI an OAuth 2.0 integration record must list, with a Copy button. */
  redirectUri?: boolean;
}

const credentialFieldsByKind: Record<AuthKind, readonly CredentialField[]> = {
  tba: [
    { key: 'consumerKey', what: 'consumer key', prompt: 'Setup > Integration > Manage Integrations: shown once when the integration is saved', secret: true },
    { key: 'consumerSecret', what: 'consumer secret', prompt: 'Shown together with the consumer key', secret: true },
    { key: 'tokenId', what: 'token id', prompt: 'Setup > Users/Roles > Access Tokens > New: shown once when the token is created', secret: true },
    { key: 'tokenSecret', what: 'token secret', prompt: 'Shown together with the token id', secret: true },
  ],
  oauth2: [
    {
      key: 'clientId',
      what: 'client id',
      prompt: `The integration record's client id (Setup > Integration > Manage Integrations). Its Redirect URI must be ${oauth2RedirectUri} (Copy Redirect URI, top right)`,
      secret: false,
      redirectUri: true,
    },
    { key: 'clientSecret', what: 'client secret', prompt: 'Leave empty for a public client (PKCE only); confidential integrations have one', secret: true, optional: true },
  ],
  clientCredentials: [
    { key: 'clientId', what: 'client id', prompt: 'The integration record\'s client id', secret: false },
    { key: 'certificateId', what: 'certificate id', prompt: 'Setup > Integration > OAuth 2.0 Client Credentials (M2M) Setup: the id of the uploaded certificate', secret: false },
  ],
};

const copyRedirectUri: StepButton = {
  iconPath: new vscode.ThemeIcon('copy'),
  tooltip: 'Copy Redirect URI',
  run: async () => {
    try {
      await vscode.env.clipboard.writeText(oauth2RedirectUri);
      vscode.window.setStatusBarMessage(`Copied ${oauth2RedirectUri}: paste it as the integration record's Redirect URI.`, 5000);
    } catch (error) {
      // A browser can refuse the clipboard; the URI stays readable in the step's prompt.
      void vscode.window.showWarningMessage(`Could not copy the redirect URI (${describeError(error)}); it is ${oauth2RedirectUri}.`);
    }
  },
};

function credentialSteps(kind: AuthKind | undefined): Step[] {
  if (!kind) return [];
  const fields: Step[] = credentialFieldsByKind[kind].map((field) => async (state, canGoBack) => {
    const result = await inputStep({
      title: `${title} (3/4): ${field.what}`,
      prompt: field.secret ? `${field.prompt}. Kept in VS Code's secret storage only.` : field.prompt,
      value: state.fields[field.key],
      password: field.secret,
      canGoBack,
      buttons: field.redirectUri ? [copyRedirectUri] : [],
      validate: (text) => credentialProblem(field.what, text.trim(), field.optional),
    });
    return outcome(result, (text) => {
      state.fields[field.key] = text.trim();
    });
  });
  return kind === 'clientCredentials' ? [...fields, privateKeyStep] : fields;
}

/** Closing the file dialog without a file goes back one step: a dialog has no Back button of its own. */
const privateKeyStep: Step = async (state) => {
  const pem = await pickPrivateKey();
  if (pem === undefined) return 'back';
  state.fields.privateKeyPem = pem;
  return 'next';
};

function credentialFields(credentials: DraftCredentials): Record<string, string> {
  const { kind: _kind, ...fields } = credentials;
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function draftCredentials(state: WizardState): DraftCredentials | undefined {
  const f = state.fields;
  switch (state.kind) {
    case 'tba':
      return { kind: 'tba', consumerKey: f.consumerKey ?? '', consumerSecret: f.consumerSecret ?? '', tokenId: f.tokenId ?? '', tokenSecret: f.tokenSecret ?? '' };
    case 'oauth2':
      return { kind: 'oauth2', clientId: f.clientId ?? '', ...(f.clientSecret ? { clientSecret: f.clientSecret } : {}) };
    case 'clientCredentials':
      return { kind: 'clientCredentials', clientId: f.clientId ?? '', certificateId: f.certificateId ?? '', privateKeyPem: f.privateKeyPem ?? '' };
    case undefined:
    default:
      return undefined;
  }
}

/** The key file's contents go to SecretStorage — a path alone would break when the file moves and leak its location. */
async function pickPrivateKey(): Promise<string | undefined> {
  for (;;) {
    const files = await vscode.window.showOpenDialog({
      title: `${title} (3/4): private key (PEM) of the certificate uploaded to NetSuite`,
      canSelectMany: false,
      openLabel: 'Use This Private Key',
      filters: { 'PEM private key': ['pem', 'key'], 'All files': ['*'] },
    });
    if (!files?.[0]) return undefined;
    const pem = new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0]));
    const problem = privateKeyProblem(pem);
    if (!problem) return pem;
    const again = await vscode.window.showErrorMessage(problem, 'Choose Another File');
    if (!again) return undefined;
  }
}

const serverStep: Step = async (state, canGoBack) => {
  const nativeHost = parseAccount(state.accountId ?? '').restBaseUrl;
  const items: (vscode.QuickPickItem & { override: boolean })[] = [
    { override: false, label: '$(cloud) NetSuite', description: nativeHost },
    { override: true, label: '$(server) Another address…', description: state.baseUrl ?? 'the local sandbox, a proxy' },
  ];
  const result = await pickStep({ title: `${title} (4/4)`, placeholder: 'Where is the account served?', items, active: items[state.override ? 1 : 0], canGoBack });
  return outcome(result, (item) => {
    state.override = item.override;
  });
};

/** Only after "Another address…". */
const baseUrlStep: Step = async (state, canGoBack) => {
  if (!state.override) return 'skip';
  return outcome(
    await inputStep({
      title: `${title} (4/4): base URL`,
      prompt: 'Base URL that serves the NetSuite REST API (and sign-in pages) for this account',
      placeholder: 'http://127.0.0.1:4567',
      value: state.baseUrl,
      canGoBack,
      validate: baseUrlProblem,
    }),
    (text) => {
      state.baseUrl = text.trim();
    },
  );
};
