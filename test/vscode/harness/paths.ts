// Where the harness finds the project and its code-server. The harness runs from bundles under `out/`, so the
// project root is found by walking up to SuiteLens's own manifest rather than from the bundle's location.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'suitelens') return dir;
    if (dirname(dir) === dir) throw new Error(`SuiteLens's package.json not found above ${start}`);
  }
}

export const projectRoot = findProjectRoot(process.cwd());
/** Installed by `test/vscode/setup.mjs` (run by `.ci/run` and by every harness when missing). */
export const codeServerEntry = join(projectRoot, '.code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const resultsDir = join(projectRoot, 'test-results');
export const screenshotsDir = join(resultsDir, 'screenshots');
