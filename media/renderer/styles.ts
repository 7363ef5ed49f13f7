/** Grid styles, built from VS Code theme variables so light, dark and high-contrast themes all look native. */
export const gridStyles = `
.sl-grid-root { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); }
.sl-grid-toolbar { display: flex; align-items: center; gap: 6px; padding: 4px 0; flex-wrap: wrap; }
.sl-grid-status { color: var(--vscode-descriptionForeground); margin-right: auto; }
.sl-grid-toolbar button { font: inherit; color: var(--vscode-button-secondaryForeground, var(--vscode-foreground));
  background: var(--vscode-button-secondaryBackground, transparent); border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent));
  border-radius: 2px; padding: 2px 8px; cursor: pointer; }
.sl-grid-toolbar button:hover:not(:disabled) { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-toolbar-hoverBackground)); }
.sl-grid-toolbar button:disabled { opacity: 0.5; cursor: default; }
.sl-grid-toolbar button:focus-visible, .sl-grid:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.sl-grid { position: relative; overflow: auto; border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, #8884));
  background: var(--vscode-editor-background); font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px);
  contain: strict; user-select: none; }
.sl-grid-header, .sl-grid-row { display: grid; grid-template-columns: var(--sl-cols); width: max-content; min-width: 100%; }
.sl-grid-header { position: sticky; top: 0; z-index: 2; background: var(--vscode-editorGroupHeader-tabsBackground, var(--vscode-editor-background));
  border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); font-family: var(--vscode-font-family); font-weight: 600; }
.sl-grid-body { position: relative; }
.sl-grid-row { position: absolute; left: 0; top: 0; height: var(--sl-row-height); will-change: transform; }
.sl-grid-row:hover { background: var(--vscode-list-hoverBackground); }
.sl-grid-cell, .sl-grid-header-cell { height: var(--sl-row-height); line-height: var(--sl-row-height); padding: 0 6px; overflow: hidden;
  white-space: pre; text-overflow: ellipsis; border-right: 1px solid var(--vscode-editorWidget-border, #8882); box-sizing: border-box; }
.sl-grid-header-cell { position: relative; cursor: pointer; }
.sl-grid-header-cell[data-column] { display: flex; align-items: center; }
.sl-grid-header-cell[hidden] { display: none; }
.sl-grid-header-label { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: pre; }
.sl-grid-sort-glyph { flex: none; width: 14px; margin-left: 2px; text-align: center; font-size: 0.8em; }
.sl-grid-header-cell[aria-sort="ascending"] .sl-grid-sort-glyph::before { content: "▲"; }
.sl-grid-header-cell[aria-sort="descending"] .sl-grid-sort-glyph::before { content: "▼"; }
.sl-grid-resize { position: absolute; right: -3px; top: 0; width: 7px; height: 100%; cursor: col-resize; z-index: 3; }
.sl-grid-gutter { color: var(--vscode-editorLineNumber-foreground, var(--vscode-descriptionForeground)); text-align: right; cursor: pointer; }
.sl-grid-cell.sl-number { text-align: right; }
.sl-grid-cell.sl-null { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); font-style: italic; }
.sl-grid-cell.sl-selected { background: var(--vscode-list-activeSelectionBackground, #04395e); color: var(--vscode-list-activeSelectionForeground, inherit); }
.sl-grid-link { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: underline; text-decoration-style: dotted; }
.sl-grid-cell.sl-selected .sl-grid-link { color: inherit; }
.sl-grid-filter-row { display: grid; grid-template-columns: var(--sl-cols); width: max-content; min-width: 100%; position: sticky; top: var(--sl-row-height); z-index: 2;
  background: var(--vscode-editorGroupHeader-tabsBackground, var(--vscode-editor-background)); }
.sl-grid-filter { box-sizing: border-box; width: 100%; height: var(--sl-row-height); font: inherit; padding: 0 4px; color: var(--vscode-input-foreground);
  background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
.sl-grid-filter:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.sl-grid-toolbar button[aria-pressed="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.sl-grid-column-chooser { display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 4px 6px; margin-bottom: 4px; border: 1px solid var(--vscode-editorWidget-border, #8884);
  background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); }
.sl-grid-column-choice { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.sl-record-view { margin-top: 6px; border: 1px solid var(--vscode-editorWidget-border, #8884); background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); }
.sl-record-view:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.sl-record-bar { display: flex; align-items: center; gap: 6px; padding: 4px 6px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); }
.sl-record-title { margin-right: auto; color: var(--vscode-descriptionForeground); }
.sl-record-bar button { font: inherit; color: var(--vscode-button-secondaryForeground, var(--vscode-foreground)); background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
.sl-record-bar button:disabled { opacity: 0.5; cursor: default; }
.sl-record-fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; padding: 6px; max-height: 360px; overflow: auto;
  font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px); }
.sl-record-fields dt { color: var(--vscode-descriptionForeground); }
.sl-record-fields dd { margin: 0; white-space: pre-wrap; word-break: break-word; }
.sl-record-fields dd.sl-null { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); font-style: italic; }
.sl-grid-root { position: relative; }
.sl-grid-menu { position: absolute; z-index: 10; display: flex; flex-direction: column; min-width: 180px; padding: 4px 0;
  background: var(--vscode-menu-background, var(--vscode-editorWidget-background)); color: var(--vscode-menu-foreground, var(--vscode-foreground));
  border: 1px solid var(--vscode-menu-border, var(--vscode-editorWidget-border, #8884)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, #0005); }
.sl-grid-menu-item { font: inherit; text-align: left; padding: 3px 14px; color: inherit; background: transparent; border: 0; cursor: pointer; }
.sl-grid-menu-item:hover, .sl-grid-menu-item:focus { background: var(--vscode-menu-selectionBackground, var(--vscode-list-activeSelectionBackground));
  color: var(--vscode-menu-selectionForeground, var(--vscode-list-activeSelectionForeground)); outline: none; }
/* Open in Editor: the grid fills the tab, its rows scroll inside it. */
.sl-grid-root.sl-in-editor { display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; padding-bottom: 4px; }
.sl-in-editor > .sl-grid { flex: 1 1 auto; min-height: 0; }
.sl-grid-message { min-height: 1.2em; padding: 2px 0; color: var(--vscode-descriptionForeground); }
.sl-grid-message.sl-error { color: var(--vscode-errorForeground); }
.sl-error-view { border-left: 3px solid var(--vscode-errorForeground, #f14c4c); padding: 6px 10px; background: var(--vscode-inputValidation-errorBackground, transparent); }
.sl-error-title { font-weight: 600; color: var(--vscode-errorForeground); }
.sl-error-code { color: var(--vscode-descriptionForeground); margin-left: 6px; }
.sl-error-detail { margin: 4px 0; white-space: pre-wrap; }
.sl-error-query { font-family: var(--vscode-editor-font-family, monospace); white-space: pre-wrap; margin: 4px 0 0; }
.sl-error-mark { background: var(--vscode-editorError-background, #f14c4c55); text-decoration: underline wavy var(--vscode-editorError-foreground, #f14c4c); }
`;

/** Adds the grid styles to a document once (several outputs share one notebook webview document). */
/** Adds a style sheet to the output's document once (the grid's, or another part's under its own id). */
export function ensureStyles(doc: Document, id = 'sl-grid-styles', css = gridStyles): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  doc.head.appendChild(style);
}
