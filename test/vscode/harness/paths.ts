// Where the harness finds the project and its code-server. The harness runs from bundles under `out/`, so the
// project root is found by walking up to SuiteLens's own manifest rather than from the bundle's location.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import versions from '../versions.json';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'suitelens') return dir;
    if (dirname(dir) === dir) throw new Error(`SuiteLens's package.json not found above ${start}`);
  }
}

export const projectRoot = findProjectRoot(process.cwd());

/** `min`: the oldest VS Code we support (engines.vscode); `current`: the one users run. See test/vscode/versions.json. */
export type VsCodeTarget = keyof typeof versions;

export interface VsCodeInstall {
  readonly target: VsCodeTarget;
  /** e.g. 1.139.1 */
  readonly vscodeVersion: string;
  readonly codeServerVersion: string;
  /** code-server's entry script. */
  readonly entry: string;
  /** The Node that runs it: code-server 4.139.1 needs Node 24 (installed into .node24/), 4.100.3 runs on ours. */
  readonly node: string;
  /**
   * code-server arguments that turn VS Code's smoke-test driver on, where the URL payload needs it: VS Code 1.139's
   * built web workbench honours the payload's extensionDevelopmentPath / extensionTestsPath only with that driver on
   * (1.100 always did; it needs none, and its code-server has no --vscode-option). The driver also hides every
   * notification toast, so only the extension-host suite uses it; the e2e scenarios install SuiteLens instead.
   */
  readonly smokeTestDriverArgs: readonly string[];
}

/** `SUITELENS_VSCODE=min|current` picks the VS Code a harness runs; unset means the minimum one (until every e2e scenario passes on the current one). */
export function selectedVsCode(): VsCodeTarget {
  const name = process.env.SUITELENS_VSCODE || 'min';
  if (!(name in versions)) throw new Error(`SUITELENS_VSCODE=${name}: expected one of ${Object.keys(versions).join(', ')}`);
  return name as VsCodeTarget;
}

/** Installed by `test/vscode/setup.mjs` (run by `.ci/run` and by every harness when missing). */
export function vscodeInstall(target: VsCodeTarget = selectedVsCode()): VsCodeInstall {
  const spec: { codeServer: string; vscode: string; folder: string; nodeFolder?: string; smokeTestDriverArgs?: string[] } = versions[target];
  return {
    target,
    vscodeVersion: spec.vscode,
    codeServerVersion: spec.codeServer,
    entry: join(projectRoot, spec.folder, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    node: spec.nodeFolder ? join(projectRoot, spec.nodeFolder, 'node_modules', 'node', 'bin', 'node') : process.execPath,
    smokeTestDriverArgs: spec.smokeTestDriverArgs ?? [],
  };
}
export const resultsDir = join(projectRoot, 'test-results');
export const screenshotsDir = join(resultsDir, 'screenshots');
