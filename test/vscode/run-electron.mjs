// `npm run test:electron`: the extension-host suite in desktop VS Code (@vscode/test-electron). Needs a VS Code
// download (or SUITELENS_VSCODE_EXECUTABLE) and a display; on our machines use `npm run test:vscode`.
import { buildExtension, bundleHostSuite, importTs, runMain } from '../../scripts/harness-bundle.mjs';

await runMain(async () => {
  buildExtension();
  const suiteDir = await bundleHostSuite();
  const { runElectronSuite } = await importTs('test/vscode/harness/electronSuite.ts');
  return runElectronSuite(suiteDir);
});
