// `npm test`: every check the project has, in the order a failure is cheapest to find.
// lint → type-check → build → unit + integration (vitest) → extension-host suite on both VS Code versions → e2e on
// the current VS Code, plus a smoke subset on the minimum one (versions: test/vscode/versions.json).
// Each step that runs tests writes a JSON summary; the last line printed is `N passed, N failed`, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(process.cwd(), 'test-results');
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failedSteps = [];

const timings = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s`);
  timings.push(`${seconds.padStart(7)} s  ${name}`);
  if (!ok) failedSteps.push(name);
  return ok;
}

/** Adds a step's test counts, read from the summary file it wrote ({passes, failures} or vitest's JSON). */
function count(file) {
  if (!existsSync(file)) return false;
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof summary.numPassedTests === 'number') {
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
  } else {
    passed += summary.passes ?? 0;
    failed += summary.failures ?? 0;
  }
  return true;
}

run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
// Unused files, dependencies and unlisted imports (knip.json). Unused exports are not checked yet: about 130, many
// used only inside their own file, need sorting out first.
run('unused code', 'npx', ['knip']);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
// Host code without the DOM's types, browser code without Node's: each compiles against what it really runs on.
run('typecheck host', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.host.json']);
run('typecheck browser', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.media.json']);
const built = run('build', 'node', ['esbuild.mjs']);

const vitestJson = join(resultsDir, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestOk = run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (!count(vitestJson) && !vitestOk) failed += 1;

const versions = JSON.parse(readFileSync('test/vscode/versions.json', 'utf8'));
const on = (target) => `VS Code ${versions[target].vscode}, ${target}`;
// Scenarios that show SuiteLens works at all on the minimum VS Code; every scenario runs on the current one.
const smokeOnMin = ['netsuiteViewWelcome', 'explorerBrowse', 'notebookGrid', 'notebookGridEdit', 'formsCustomer', 'agentsAccessActivity'];
const harnesses = [
  [`extension-host suite (${on('current')})`, 'test/vscode/run.mjs', [], 'vscode-suite-current.json', 'current'],
  [`extension-host suite (${on('min')})`, 'test/vscode/run.mjs', [], 'vscode-suite-min.json', 'min'],
  [`e2e scenarios (${on('current')})`, 'test/e2e/run.mjs', [], 'e2e-current.json', 'current'],
  [`e2e smoke (${on('min')})`, 'test/e2e/run.mjs', smokeOnMin, 'e2e-min-smoke.json', 'min'],
];
for (const [name, script, args, summaryFile, target] of harnesses) {
  if (!existsSync(script)) continue;
  const summary = join(resultsDir, summaryFile);
  rmSync(summary, { force: true });
  if (!built) {
    failedSteps.push(`${name} (skipped: build failed)`);
    continue;
  }
  const ok = run(name, 'node', [script, ...args], { SUITELENS_SUMMARY: summary, SUITELENS_VSCODE: target });
  if (!count(summary) && !ok) failed += 1;
}

console.log(`\nWall time per step:\n${timings.join('\n')}`);
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
