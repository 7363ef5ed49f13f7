// `npm start`: SuiteLens as a user gets it, in a real VS Code served to the browser. Builds the extension as it ships
// and packages it as a VSIX with @vscode/vsce (so packaging is exercised), installs that VSIX into code-server,
// starts code-server on a workspace folder with `suitelens.demo.autoStart: true` (the extension then starts the
// in-process demo sandbox and its demo account on activation), and prints the URL. Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchUrl } from '../test/vscode/harness/browser';
import { findFreePort, isPortFree, startCodeServer } from '../test/vscode/harness/codeServer';
import { projectRoot, vscodeInstall } from '../test/vscode/harness/paths';

const startDir = join(projectRoot, '.code-server', 'start');

function run(title: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

function requestedPort(): number | undefined {
  const index = process.argv.indexOf('--port');
  const value = index >= 0 ? process.argv[index + 1] : process.env.PORT;
  return value === undefined ? undefined : Number(value);
}

export async function start(): Promise<void> {
  const vsix = join(startDir, 'suitelens.vsix');
  const extensionsDir = join(startDir, 'extensions');
  const workspace = join(startDir, 'workspace');
  for (const dir of [extensionsDir, workspace]) mkdirSync(dir, { recursive: true });

  // No build step of its own: vsce runs `vscode:prepublish`, the minified build that ships (leaving it in dist/).
  // The README links its docs and screenshots relatively; vsce needs a base for them, taken from the repository URL.
  const repository = String((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { repository?: { url?: string } }).repository?.url ?? '').replace(/\.git$/, '');
  const bases = repository.startsWith('https://') ? ['--baseContentUrl', `${repository}/blob/main`, '--baseImagesUrl', `${repository}/raw/main`] : [];
  run('vsce package', join(projectRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', ...bases, '--out', vsix]);
  console.log(`[start] packaged ${(statSync(vsix).size / 1024 / 1024).toFixed(1)} MB VSIX`);
  // Today's VS Code, whatever SUITELENS_VSCODE says for the test harnesses: a newcomer sees what users see.
  const current = vscodeInstall('current');
  run('install the VSIX', current.node, [current.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force']);

  const wanted = requestedPort() ?? 8080;
  const port = (await isPortFree(wanted)) ? wanted : await findFreePort();
  const server = await startCodeServer({ folder: workspace, extensionsDir, port, vscode: 'current', settings: { 'suitelens.demo.autoStart': true } });
  const portNote = server.port === wanted ? '' : ` (port ${wanted} was busy)`;
  console.log(`\nSuiteLens is running in VS Code ${current.vscodeVersion} (code-server ${current.codeServerVersion})${portNote}.`);
  console.log(`Open: ${workbenchUrl(server.origin, workspace)}`);
  console.log('The demo sandbox and its demo account start when SuiteLens activates (setting suitelens.demo.autoStart). Ctrl+C stops.');
  // Stay in the foreground until Ctrl+C / SIGTERM; the harness's exit hook stops code-server's process group.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
