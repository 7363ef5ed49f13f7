import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { openSuiteLensView, screenshot, suiteLensActivityIcon, SUITELENS_CONTAINER_TITLE } from '../lib/workbench';

export const scenario: Scenario = {
  name: 'The NetSuite view is in the activity bar and offers "Try the demo sandbox" when no account exists',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    assert.equal(await suiteLensActivityIcon(page).count(), 1, 'one NetSuite icon in the activity bar');

    const sideBar = await openSuiteLensView(page);
    const welcome = sideBar.locator('.welcome-view-content', { hasText: 'No NetSuite account yet.' });
    await welcome.waitFor();
    await screenshot(page, 'netsuite-view-welcome');

    assert.match(await sideBar.locator('.composite.title').innerText(), new RegExp(SUITELENS_CONTAINER_TITLE, 'i'));
    assert.match(await welcome.innerText(), /No NetSuite account yet\./);
    const demoButton = welcome.getByRole('button', { name: 'Try the demo sandbox' });
    assert.equal(await demoButton.count(), 1, 'a "Try the demo sandbox" button in the welcome content');
    assert.equal(await demoButton.isVisible(), true);
  },
};
