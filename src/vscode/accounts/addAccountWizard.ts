/**
 * "SuiteLens: Add NetSuite Account…": account id → auth kind → the kind's fields → where it is served, with
 * validation as the user types; then a connection test, and on failure NetSuite's reason and a way back in with
 * everything already filled in.
 */
import * as vscode from 'vscode';
import { parseAccount } from '../../netsuite/account';
import type { AuthKind } from '../../netsuite/auth/types';
import type { AccountDraft, DraftCredentials } from './accountDraft';
import { accountIdFeedback, baseUrlProblem, credentialProblem, privateKeyProblem } from './accountInputs';
import { ConnectionTestError, type AccountService } from './accountService';
import { SignInCancelledError } from './oauth2Callbacks';
import { pasteRedirectProgressMessage } from './pasteRedirect';
import { SecretStorageUnavailableError } from './secretStorageStore';
import { describeError } from '../../netsuite/describeError';

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

async function collectDraft(previous?: AccountDraft): Promise<AccountDraft | undefined> {
  const accountIdText = await vscode.window.showInputBox({
    title: `${title} (1/4)`,
    prompt: 'NetSuite account id (Setup > Company > Company Information > Account ID), or a URL of the account',
    placeHolder: '1234567_SB1',
    value: previous?.accountId,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const feedback = accountIdFeedback(text);
      return { message: feedback.message, severity: feedback.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (accountIdText === undefined) return undefined;
  const accountId = parseAccount(accountIdText).id;

  const kind = await pickAuthKind(previous?.credentials.kind);
  if (!kind) return undefined;
  const previousCredentials = previous?.credentials.kind === kind ? previous.credentials : undefined;
  const credentials = await collectCredentials(kind, previousCredentials);
  if (!credentials) return undefined;

  const baseUrl = await pickServer(accountId, previous?.baseUrl);
  if (baseUrl === undefined) return undefined;
  return { accountId, label: previous?.label, credentials, ...(baseUrl ? { baseUrl } : {}) };
}

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

async function pickAuthKind(current?: AuthKind): Promise<AuthKind | undefined> {
  const items: KindItem[] = [
    { authKind: 'oauth2', label: '$(globe) OAuth 2.0 — sign in with the browser', detail: 'Authorization code with PKCE; needs the integration record\'s client id (and secret, if confidential).' },
    { authKind: 'clientCredentials', label: '$(key) OAuth 2.0 client credentials (certificate)', detail: 'Machine-to-machine: client id, certificate id and the PEM private key of the uploaded certificate.' },
    { authKind: 'tba', label: '$(shield) Token-based authentication (TBA)', detail: 'Consumer key/secret of the integration and token id/secret of an access token.' },
  ];
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ ...item, picked: item.authKind === current })),
    { title: `${title} (2/4)`, placeHolder: 'How should SuiteLens sign in to NetSuite?', ignoreFocusOut: true, matchOnDetail: true },
  );
  return picked?.authKind;
}

async function collectCredentials(kind: AuthKind, previous?: DraftCredentials): Promise<DraftCredentials | undefined> {
  const step = `${title} (3/4)`;
  switch (kind) {
    case 'tba': {
      const old = previous?.kind === 'tba' ? previous : undefined;
      const consumerKey = await askSecret(step, 'consumer key', 'Setup > Integration > Manage Integrations: shown once when the integration is saved', old?.consumerKey);
      if (consumerKey === undefined) return undefined;
      const consumerSecret = await askSecret(step, 'consumer secret', 'Shown together with the consumer key', old?.consumerSecret);
      if (consumerSecret === undefined) return undefined;
      const tokenId = await askSecret(step, 'token id', 'Setup > Users/Roles > Access Tokens > New: shown once when the token is created', old?.tokenId);
      if (tokenId === undefined) return undefined;
      const tokenSecret = await askSecret(step, 'token secret', 'Shown together with the token id', old?.tokenSecret);
      if (tokenSecret === undefined) return undefined;
      return { kind, consumerKey, consumerSecret, tokenId, tokenSecret };
    }
    case 'oauth2': {
      const old = previous?.kind === 'oauth2' ? previous : undefined;
      const clientId = await askText(step, 'client id', 'The integration record\'s client id (Setup > Integration > Manage Integrations)', old?.clientId);
      if (clientId === undefined) return undefined;
      const clientSecret = await askSecret(step, 'client secret', 'Leave empty for a public client (PKCE only); confidential integrations have one', old?.clientSecret, true);
      if (clientSecret === undefined) return undefined;
      return { kind, clientId, ...(clientSecret ? { clientSecret } : {}) };
    }
    case 'clientCredentials': {
      const old = previous?.kind === 'clientCredentials' ? previous : undefined;
      const clientId = await askText(step, 'client id', 'The integration record\'s client id', old?.clientId);
      if (clientId === undefined) return undefined;
      const certificateId = await askText(step, 'certificate id', 'Setup > Integration > OAuth 2.0 Client Credentials (M2M) Setup: the id of the uploaded certificate', old?.certificateId);
      if (certificateId === undefined) return undefined;
      const privateKeyPem = old?.privateKeyPem || (await pickPrivateKey());
      if (privateKeyPem === undefined) return undefined;
      return { kind, clientId, certificateId, privateKeyPem };
    }
  }
}

function askText(step: string, what: string, prompt: string, value?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: `${step}: ${what}`, prompt, value, ignoreFocusOut: true, validateInput: (text) => credentialProblem(what, text.trim()) }).then((text) => text?.trim());
}

function askSecret(step: string, what: string, prompt: string, value?: string, optional = false): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({ title: `${step}: ${what}`, prompt: `${prompt}. Kept in VS Code's secret storage only.`, value, password: true, ignoreFocusOut: true, validateInput: (text) => credentialProblem(what, text.trim(), optional) })
    .then((text) => text?.trim());
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

/** Resolves '' for NetSuite's own hosts, a URL for an override, undefined when cancelled. */
async function pickServer(accountId: string, current?: string): Promise<string | undefined> {
  const nativeHost = parseAccount(accountId).restBaseUrl;
  const items: (vscode.QuickPickItem & { override: boolean })[] = [
    { override: false, label: '$(cloud) NetSuite', description: nativeHost, picked: !current },
    { override: true, label: '$(server) Another address…', description: current ?? 'the local sandbox, a proxy', picked: Boolean(current) },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `${title} (4/4)`, placeHolder: 'Where is the account served?', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (!picked.override) return '';
  const url = await vscode.window.showInputBox({
    title: `${title} (4/4): base URL`,
    prompt: 'Base URL that serves the NetSuite REST API (and sign-in pages) for this account',
    placeHolder: 'http://127.0.0.1:4567',
    value: current,
    ignoreFocusOut: true,
    validateInput: baseUrlProblem,
  });
  return url?.trim();
}
