// `npm start [-- --port N]`: build, package (vsce), install into code-server and serve SuiteLens with the demo.
import { importTs, runMain } from './harness-bundle.mjs';
import { ensureCodeServer } from '../test/vscode/setup.mjs';

await runMain(async () => {
  await ensureCodeServer('current');
  const { start } = await importTs('scripts/start.ts');
  await start();
  return 0;
});
