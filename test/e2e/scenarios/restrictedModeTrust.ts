import * as assert from 'node:assert/strict';
import { paneRow, setPaneExpanded, uiTimeout } from '../lib/agentPanes';
import type { Scenario } from '../lib/scenario';
import { grantWorkspaceTrust, screenshot } from '../lib/workbench';
import { agentAccessDescription, clonedFolder, endpointOnForThePerson, restrictedModeBadge } from './restrictedMode';

export const scenario: Scenario = {
  name: 'Trusting a folder opened in Restricted Mode starts the MCP endpoint the person turned on, without a reload',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ trustFolder: false, settings: endpointOnForThePerson, folderFiles: clonedFolder });
    await restrictedModeBadge(page).waitFor({ timeout: uiTimeout });
    await page.locator('.activitybar a.action-label[aria-label^="NetSuite"]').click();
    await setPaneExpanded(page, 'Agent Access', true);
    await agentAccessDescription(page).filter({ hasText: 'MCP endpoint off in Restricted Mode' }).waitFor({ timeout: uiTimeout });

    await grantWorkspaceTrust(page);
    const running = agentAccessDescription(page).filter({ hasText: /^MCP endpoint http:\/\/127\.0\.0\.1:\d+\/mcp$/ });
    await running.waitFor({ timeout: uiTimeout });
    assert.equal(await restrictedModeBadge(page).count(), 0, 'the folder is trusted');
    // The path no grant covers is named where people look at what agents may do.
    await paneRow(page, 'Agent Access', 'SuiteQL notebooks run with your own access, outside these grants').waitFor({ timeout: uiTimeout });
    await screenshot(page, 'restricted-mode-5-trusted-endpoint-running');
  },
};
