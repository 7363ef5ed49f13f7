// `npm run test:e2e [name-filter…]`: the Playwright scenarios in test/e2e/scenarios/*.ts against real VS Code
// (code-server + Debian's Chromium). Screenshots go to test-results/screenshots/; prints `N passed, N failed` last
// and writes `$SUITELENS_SUMMARY`.
import { readdirSync } from 'node:fs';
import { buildExtension, importTsModules, runMain } from '../../scripts/harness-bundle.mjs';
import { ensureCodeServer } from '../vscode/setup.mjs';

await runMain(async () => {
  const filters = process.argv.slice(2);
  const files = readdirSync('test/e2e/scenarios')
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
  if (files.length === 0) throw new Error(`no scenario in test/e2e/scenarios matches ${filters.join(' ')}`);
  await ensureCodeServer();
  buildExtension();
  const [runner, ...scenarioModules] = await importTsModules('e2e', ['test/e2e/lib/runner.ts', ...files.map((file) => `test/e2e/scenarios/${file}`)]);
  const scenarios = scenarioModules.map((module, i) => {
    if (!module.scenario) throw new Error(`test/e2e/scenarios/${files[i]} does not export \`scenario\``);
    return module.scenario;
  });
  return runner.runScenarios(scenarios);
});
