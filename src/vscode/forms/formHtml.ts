/**
 * The record form webview's page: a strict CSP (`default-src 'none'`, scripts only with this page's nonce, styles and
 * fonts only from the webview's own resource origin plus the inline styles the web components adopt), the codicon
 * stylesheet (its font comes from the same origin), and one script.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export interface FormPageResources {
  script: vscode.Uri;
  /** `codicon.css` beside the bundle; `@vscode-elements` finds it by the link's id `vscode-codicon-stylesheet`. */
  codicons: vscode.Uri;
  title: string;
  /** Shown until the script draws the page (default: the form's). */
  loading?: string;
}

export function formHtml(webview: vscode.Webview, resources: FormPageResources): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${resources.codicons.toString()}" nonce="${nonce}">
<title>${escapeHtml(resources.title)}</title>
</head>
<body>
<main id="form-root" aria-live="polite">${escapeHtml(resources.loading ?? 'Loading the form…')}</main>
<script type="module" nonce="${nonce}" src="${resources.script.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
