/**
 * "SuiteLens: Complete OAuth Sign-in with Redirect URL…": the way to finish a browser sign-in when the browser
 * cannot hand the `vscode://` redirect back to this VS Code (VS Code in a browser: code-server, vscode.dev). The
 * pasted URL goes to the sign-in already waiting for its `state`, which finishes it with its own PKCE verifier —
 * the same path as the URI handler, so the state check cannot be skipped.
 */
import * as vscode from 'vscode';
import { oauth2RedirectUri } from '../../app/accounts/accountDraft';
import type { OAuth2Callbacks } from '../../app/accounts/oauth2Callbacks';
import { readPastedRedirect } from '../../app/accounts/oauth2PastedRedirect';

export const completeSignInCommandId = 'suitelens.completeOAuth2SignIn';
/** True while a browser sign-in waits: enables the command and its palette entry. */
export const signInPendingContextKey = 'suitelens.oauth2SignInPending';
const pasteRedirectAction = 'Paste Redirect URL…';

/**
 * Reported in the progress notification of a browser sign-in: the link opens the paste box, and it goes away with
 * the notification when the sign-in ends (a message with a button would outlive it).
 */
export const pasteRedirectProgressMessage = `not brought back to VS Code? [${pasteRedirectAction}](command:${completeSignInCommandId})`;

/**
 * Asks for the redirect URL (or takes `given`, for tests and links) and hands it to the waiting sign-in.
 * Resolves true when a sign-in got it; its own progress notification then reports success or NetSuite's refusal.
 */
export async function completeSignInWithPastedUrl(callbacks: OAuth2Callbacks, given?: unknown): Promise<boolean> {
  if (callbacks.pendingCount === 0) {
    void vscode.window.showInformationMessage('No NetSuite sign-in is waiting for a redirect. Start one with "SuiteLens: Add NetSuite Account…" or "Sign In to Account Again…".');
    return false;
  }
  const read = (text: string) => readPastedRedirect(text, oauth2RedirectUri, (state) => callbacks.isPending(state));
  const text =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: 'Complete NetSuite Sign-in',
          prompt: 'After you allowed access, NetSuite sent the browser to a vscode:// address it may not have been able to open. Copy that address from the browser and paste it here.',
          placeHolder: `${oauth2RedirectUri}?code=…&state=…`,
          ignoreFocusOut: true,
          validateInput: (value) => {
            const outcome = read(value);
            const severity =
              outcome.kind === 'code' ? vscode.InputBoxValidationSeverity.Info : outcome.kind === 'refused' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Error;
            return { message: outcome.message, severity };
          },
        });
  if (text === undefined) return false;
  const outcome = read(text);
  // Checked again: the sign-in may have ended (cancelled, timed out) while the box was open.
  if (outcome.kind === 'problem') {
    void vscode.window.showErrorMessage(outcome.message);
    return false;
  }
  return callbacks.deliver(outcome.url);
}
