/**
 * Resolves on a task after the current one, so work that the NetSuite view's first paint does not need runs once
 * `activate` has returned and VS Code has been told SuiteLens is active (it awaits activate's result in a microtask,
 * which a plain `await` here would run before). The work this defers reads settings: VS Code builds its merged
 * configuration on the first `getConfiguration` in the extension host, and `inspect` walks every override, about
 * 10 ms together in the activation profile (issue 15). Neither is needed to draw the accounts.
 */
export function afterActivation(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
