// `npm run test:vscode`: the extension-host suite inside a real VS Code (code-server), with its result turned into
// this process's exit status. Prints `N passed, N failed` last and writes `$SUITELENS_SUMMARY`.
import { buildExtension, bundleHostSuite, importTs, runMain } from '../../scripts/harness-bundle.mjs';
import { ensureCodeServer } from './setup.mjs';

await runMain(async () => {
  await ensureCodeServer();
  buildExtension();
  const suiteDir = await bundleHostSuite();
  const { runHostSuite } = await importTs('test/vscode/harness/hostSuite.ts');
  return runHostSuite(suiteDir);
});
