import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A setting without a scope (or with `window`/`resource`/`language-overridable`) can be set by a folder's
// `.vscode/settings.json`, so opening someone else's repository would set it. VS Code ignores workspace values of
// `application` and `machine` settings (https://code.visualstudio.com/api/references/contribution-points#contributes.configuration,
// "scope"). Every SuiteLens setting is therefore user-only, unless it is listed here with the reason a folder may
// choose it. A new setting fails this spec until someone decides which it is.
const fineAtWorkspaceScope: Record<string, string> = {
  'suitelens.notebook.pageSize': 'how many rows a page fetches; clamped to 1–1000, widens no access and sends nothing elsewhere',
  'suitelens.explorer.pageSize': 'how many records a tree page lists; clamped by NetSuite at 1000, widens no access',
};

const userOnlyScopes = new Set(['application', 'machine']);

interface SettingSchema {
  scope?: string;
  type?: string | string[];
}
interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[];
    configurationDefaults?: Record<string, unknown>;
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
const settings = Object.fromEntries(sections.flatMap((section) => Object.entries(section.properties)));
const suiteLensSettings = Object.keys(settings).filter((name) => name.startsWith('suitelens.'));

describe('SuiteLens settings a folder cannot set', () => {
  it('every setting is user-only (application or machine scope) unless allowed at workspace scope with a reason', () => {
    const folderSettable = suiteLensSettings.filter((name) => !userOnlyScopes.has(settings[name].scope ?? 'window') && !(name in fineAtWorkspaceScope));
    expect(folderSettable, 'settings a repository could set: give them "scope": "application" or allow them above with a reason').toEqual([]);
  });

  it('the workspace allowlist names only real settings, each with a reason, none of them user-only', () => {
    for (const [name, reason] of Object.entries(fineAtWorkspaceScope)) {
      expect(settings[name], `${name} is allowed at workspace scope but is not a setting`).toBeDefined();
      expect(reason.length).toBeGreaterThan(10);
      expect(userOnlyScopes.has(settings[name].scope ?? 'window'), `${name} is user-only: drop it from the allowlist`).toBe(false);
    }
  });

  it('the settings that start a server or open a port are user-only', () => {
    for (const name of ['suitelens.agents.mcp.enabled', 'suitelens.agents.mcp.port', 'suitelens.demo.autoStart']) {
      expect(settings[name]?.scope, name).toBe('application');
    }
  });
});

describe('Restricted Mode (capabilities.untrustedWorkspaces)', () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;

  it('SuiteLens runs, limited, in an untrusted folder and says what stays off', () => {
    expect(untrusted?.supported).toBe('limited');
    expect(untrusted?.description).toMatch(/MCP endpoint/);
  });

  it('lists every user-only setting as restricted, so VS Code ignores a folder value for it in Restricted Mode too', () => {
    const userOnly = suiteLensSettings.filter((name) => userOnlyScopes.has(settings[name].scope ?? 'window')).sort();
    expect([...(untrusted?.restrictedConfigurations ?? [])].sort()).toEqual(userOnly);
  });
});

describe("VS Code's own notebook chat tools", () => {
  it('are never auto-approved by default: running a SuiteQL cell or reading its output always asks', () => {
    const eligible = manifest.contributes.configurationDefaults?.['chat.tools.eligibleForAutoApproval'] as Record<string, boolean> | undefined;
    // Both spellings: the plain reference name and the tool-set qualified one newer VS Code versions look up.
    for (const tool of ['runNotebookCell', 'execute/runNotebookCell', 'readNotebookCellOutput', 'read/readNotebookCellOutput']) {
      expect(eligible?.[tool], tool).toBe(false);
    }
  });
});
