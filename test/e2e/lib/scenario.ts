// What a scenario is and what it gets: a scenario is one thing a user does, checked on screen.
import type { Page } from 'playwright-core';

export interface WorkbenchOptions {
  /** User settings on top of the harness's quiet defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Files of the user's profile beside settings.json (name under `User/` → text), e.g. chatLanguageModels.json. */
  readonly userFiles?: Readonly<Record<string, string>>;
  /** Environment for code-server and its extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * How the person answers VS Code's "Do you trust the authors of the files in this folder?" when the workbench
   * opens: trust it (default: a person opening their own folder), or not, so the folder stays in Restricted Mode.
   */
  readonly trustFolder?: boolean;
  /** Files the folder holds before VS Code opens it (path relative to the folder → text), as a cloned repository would. */
  readonly folderFiles?: Readonly<Record<string, string>>;
}

export interface ScenarioContext {
  /**
   * Starts code-server with SuiteLens loaded from this checkout (development extension) on an empty workspace and
   * opens the workbench; resolves once SuiteLens's activity-bar icon is there. Stopped after the scenario.
   */
  openWorkbench(options?: WorkbenchOptions): Promise<Page>;
  /** Opens a workbench that is already served (e.g. by `npm start`) in a fresh page, trusting its folder when asked. */
  openUrl(url: string): Promise<Page>;
  /** Runs after the scenario, pass or fail, in reverse order. */
  onCleanup(cleanup: () => Promise<void> | void): void;
}

export interface Scenario {
  /** A sentence saying what the user sees; used in the report and for the failure screenshot's name. */
  readonly name: string;
  run(context: ScenarioContext): Promise<void>;
}
