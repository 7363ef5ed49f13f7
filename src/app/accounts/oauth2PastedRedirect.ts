/**
 * Reading the redirect URL a user pastes to finish a browser sign-in by hand. Needed wherever the browser cannot
 * hand `vscode://…` back to this VS Code: VS Code in a browser (code-server, vscode.dev), or a browser on
 * another machine. Pure (no `vscode`), run on every keystroke of the paste box: each outcome carries
 * the message shown under the box, so the user learns what is wrong with what they pasted before pressing Enter.
 */

export type PastedRedirect =
  /** A code for a sign-in waiting here: hand it over to finish the sign-in. */
  | { kind: 'code'; url: URL; message: string }
  /** NetSuite refused (the user clicked Deny, a scope was refused): handing it over ends that sign-in with this reason. */
  | { kind: 'refused'; url: URL; message: string }
  /** Not usable; nothing is handed over. */
  | { kind: 'problem'; message: string };

/**
 * `isPending(state)` says whether a sign-in here waits for that `state`: a redirect of an older, cancelled or
 * foreign sign-in never completes one (its code was issued for another PKCE verifier, or for someone else).
 */
export function readPastedRedirect(text: string, redirectUri: string, isPending: (state: string) => boolean): PastedRedirect {
  const trimmed = text.trim();
  const expected = new URL(redirectUri);
  if (trimmed === '') return problem(`Paste the address the browser was sent to after you allowed access; it starts with ${redirectUri}?code=…`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return problem(`This is not an address; copy the whole address, starting with ${expected.protocol}//`);
  }
  const params = url.searchParams;
  if (!params.has('code') && !params.has('error') && params.has('code_challenge')) {
    return problem('This is the address of the NetSuite sign-in page; allow access there, then paste the address NetSuite sends the browser to.');
  }
  if (url.protocol !== expected.protocol || url.host !== expected.host || url.pathname !== expected.pathname) {
    return problem(`This is not the SuiteLens sign-in redirect; expected an address starting with ${redirectUri}?`);
  }
  const state = params.get('state');
  if (!state) return problem('The address has no "state"; copy the whole address, including everything after "?".');
  if (!isPending(state)) {
    return problem('This address belongs to another or an older sign-in (its state matches no sign-in waiting here); paste the address of the latest sign-in, or start the sign-in again.');
  }
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    return { kind: 'refused', url, message: `NetSuite did not grant access: ${description ? `${description} (${error})` : error}. Press Enter to end this sign-in.` };
  }
  if (!params.get('code')) return problem('The address has no "code"; copy the whole address, including everything after "?".');
  return { kind: 'code', url, message: 'A sign-in code for the sign-in waiting here. Press Enter to finish signing in.' };
}

function problem(message: string): PastedRedirect {
  return { kind: 'problem', message };
}
