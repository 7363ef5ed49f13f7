// Shared look-ups for the extension-host tests.
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'suitelens.suitelens';

export async function activeSuiteLens(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

export interface ContributedCommand {
  readonly command: string;
  readonly title?: string;
  readonly category?: string;
}

export function contributedCommands(extension: vscode.Extension<unknown>): ContributedCommand[] {
  const manifest = extension.packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return manifest.contributes?.commands ?? [];
}

/**
 * A `LanguageModelDataPart`'s JSON, compact as the text fallback writes it (VS Code indents what `json()` encodes);
 * the class is 1.106+, so a part is recognised by shape. '' for anything else.
 */
export function jsonOfDataPart(part: unknown): string {
  const data = part as { mimeType?: unknown; data?: unknown };
  if (typeof data?.mimeType !== 'string' || !(data.data instanceof Uint8Array) || !data.mimeType.includes('json')) return '';
  return JSON.stringify(JSON.parse(new TextDecoder().decode(data.data)));
}
