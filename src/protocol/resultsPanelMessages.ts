/**
 * Messages of the results editor tab ("Open in Editor") besides the grid's own (rendererMessages.ts): the tab says
 * it is ready, the host sends it the result to show. The grid in the tab then talks as it does in a notebook.
 */
import { defineMessage } from './guards';
import { isRowsPayload } from './rows';

export const ResultsPanelReady = defineMessage('resultsPanelReady', {});
export const ShowResult = defineMessage('showResult', { result: isRowsPayload });
