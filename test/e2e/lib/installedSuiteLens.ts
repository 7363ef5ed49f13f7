// SuiteLens as an installed extension, for VS Code versions where the workbench URL cannot load a development
// extension without the smoke-test driver (1.139: see `smokeTestDriverArgs` in test/vscode/harness/paths.ts), a
// driver that also hides every notification toast the scenarios read. What is installed is what the VSIX ships
// (.vscodeignore), copied once per run from this checkout's fresh build; each scenario's extensions folder links to
// that copy, which VS Code registers at start-up like any extension found in its folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, vscodeInstall } from '../../vscode/harness/paths';

const shipped = ['package.json', 'README.md', 'LICENSE', 'language-configuration.json', 'dist', 'media', 'syntaxes'];
let copy: string | undefined;

/** True when this run's VS Code needs SuiteLens installed rather than loaded from the URL. */
export function installsSuiteLens(): boolean {
  return vscodeInstall().smokeTestDriverArgs.length > 0;
}

/** A fresh extensions folder under `runDir` holding SuiteLens (a link to this run's copy). */
export function extensionsDirWithSuiteLens(runDir: string): string {
  if (!copy) {
    const dir = mkdtempSync(join(tmpdir(), 'suitelens-installed-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    for (const entry of shipped) if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
    copy = dir;
  }
  const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(copy, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  return extensionsDir;
}
