/**
 * The accounts surface: add-account wizard, OAuth 2.0 redirect handler (and its paste-the-URL fallback), the
 * "NetSuite" authentication provider (VS Code's Accounts menu), the status bar, and the switch / options / remove /
 * sign-in-again commands.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import type { AccountRegistry } from './accountRegistry';
import { accountIdArgument, editAccountOptions, pickAccount, removeAccount, switchAccount } from './accountCommands';
import { AccountService } from '../../app/accounts/accountService';
import { runAddAccountWizard } from './addAccountWizard';
import { createAccountStatusBar } from './accountStatusBar';
import { authenticationProviderId, NetSuiteAuthenticationProvider } from './netsuiteAuthenticationProvider';
import { draftForReentry, oauth2RedirectUri } from '../../app/accounts/accountDraft';
import { OAuth2Callbacks, SignInCancelledError } from '../../app/accounts/oauth2Callbacks';
import type { SecretStore } from '../../netsuite/auth/types';
import { completeSignInCommandId, completeSignInWithPastedUrl, pasteRedirectProgressMessage, signInPendingContextKey } from './pasteRedirect';
import { describeError } from '../../netsuite/describeError';

export interface AccountsFeature extends vscode.Disposable {
  readonly service: AccountService;
  /** What `vscode://suitelens.suitelens/…` links do; exposed so tests can feed the sign-in redirect. */
  readonly uriHandler: vscode.UriHandler;
  /** The "NetSuite" provider of VS Code's Accounts menu. */
  readonly authProvider: NetSuiteAuthenticationProvider;
  /** Where SuiteLens keeps non-secret state and logs: what the tests search for leaked secrets. */
  readonly storage: { readonly globalState: vscode.Memento; readonly logUri: vscode.Uri; readonly globalStorageUri: vscode.Uri };
}

export function registerAccounts(context: vscode.ExtensionContext, registry: AccountRegistry<NetSuiteClient>, secrets: SecretStore, logger: Logger): AccountsFeature {
  const callbacks = new OAuth2Callbacks((pending) => void vscode.commands.executeCommand('setContext', signInPendingContextKey, pending > 0));
  const service = new AccountService(registry, secrets, callbacks, async (url) => {
    // Handed over as a string: VS Code opens a string as is, but re-serialises a Uri with its query decoded
    // (microsoft/vscode#85930, #173239), which leaves `redirect_uri=vscode://…` unencoded for NetSuite and
    // breaks it behind proxies that merge the `//`.
    const opened = await vscode.env.openExternal(url.toString() as unknown as vscode.Uri);
    if (!opened) throw new Error('VS Code could not open the browser for the NetSuite sign-in.');
  }, logger);
  const uriHandler: vscode.UriHandler = {
    handleUri(uri) {
      if (uri.path !== new URL(oauth2RedirectUri).pathname) {
        void vscode.window.showErrorMessage(`SuiteLens does not know the link ${uri.path}.`);
        return;
      }
      const redirect = new URL(`${oauth2RedirectUri}?${uri.query}`);
      if (!callbacks.deliver(redirect)) {
        logger.warn('A NetSuite sign-in redirect arrived that no sign-in here was waiting for (state mismatch); ignored.');
        void vscode.window.showErrorMessage('This NetSuite sign-in response does not belong to a sign-in started in this window (state mismatch); start the sign-in again.');
      }
    },
  };
  const addAccount = (): Promise<string | undefined> => runAddAccountWizard(service);
  const authProvider = new NetSuiteAuthenticationProvider(registry, addAccount, (accountId) => service.remove(accountId));

  const disposables: vscode.Disposable[] = [
    { dispose: () => callbacks.dispose() },
    vscode.window.registerUriHandler(uriHandler),
    authProvider,
    vscode.authentication.registerAuthenticationProvider(authenticationProviderId, 'NetSuite', authProvider, { supportsMultipleAccounts: true }),
    createAccountStatusBar(registry),
    vscode.commands.registerCommand('suitelens.addAccount', addAccount),
    vscode.commands.registerCommand(completeSignInCommandId, (url?: unknown) => completeSignInWithPastedUrl(callbacks, url)),
    vscode.commands.registerCommand('suitelens.switchAccount', (arg?: unknown) => switchAccount(registry, arg)),
    vscode.commands.registerCommand('suitelens.accountOptions', (arg?: unknown) => editAccountOptions(registry, arg)),
    vscode.commands.registerCommand('suitelens.removeAccount', (arg?: unknown) => removeAccount(registry, service, arg)),
    vscode.commands.registerCommand('suitelens.signInAgain', async (arg?: unknown) => {
      const profile = accountIdArgument(arg) ? registry.get(accountIdArgument(arg) ?? '') : await pickAccount(registry, 'Sign in again to which account?');
      if (!profile) return;
      // TBA and client credentials have no browser sign-in: new keys are entered in the wizard, the rest kept.
      if (profile.authKind !== 'oauth2') return void (await runAddAccountWizard(service, draftForReentry(profile)));
      try {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Signing in to ${profile.label} in your browser`, cancellable: true },
          (progress, token) => {
            progress.report({ message: pasteRedirectProgressMessage });
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return service.signInAgain(profile.accountId, { signal: abort.signal });
          },
        );
        void vscode.window.showInformationMessage(`Signed in to ${profile.label} again.`);
      } catch (error) {
        const message = describeError(error);
        if (error instanceof SignInCancelledError) void vscode.window.showWarningMessage(message);
        else void vscode.window.showErrorMessage(`Signing in to ${profile.label} failed: ${message}`);
      }
    }),
  ];
  const storage = { globalState: context.globalState, logUri: context.logUri, globalStorageUri: context.globalStorageUri };
  return { service, uriHandler, authProvider, storage, dispose: () => vscode.Disposable.from(...disposables).dispose() };
}
