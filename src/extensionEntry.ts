/**
 * The extension's `main` (dist/main.js): loads the activation bundle, dist/extension.js, through a V8 code cache kept
 * beside it (src/loader/codeCachedRequire.ts), so every window start after the first compiles little of it. The
 * cache is written a few seconds after the first activation, once the NetSuite view's first paint has compiled the
 * code it runs. Kept to Node's own modules: this file is loaded before anything else of ours.
 */
import { join } from 'node:path';
import { codeCachedRequire } from './loader/codeCachedRequire';

/** dist/extension.js's exports (src/extension.ts); the context is VS Code's, passed through untouched. */
interface ExtensionModule {
  activate(context: object): unknown;
  deactivate?(): unknown;
}

/** Long enough for the view's first paint after activation; short enough that a brief window still writes it. */
const saveDelayMs = 3_000;

const bundle = codeCachedRequire(join(__dirname, 'extension.js'));
const extension = bundle.exports as ExtensionModule;

export function activate(context: object): unknown {
  const api = extension.activate(context);
  if (bundle.cache !== 'used') setTimeout(() => bundle.saveCache(), saveDelayMs).unref();
  return api;
}

export function deactivate(): unknown {
  return extension.deactivate?.();
}
