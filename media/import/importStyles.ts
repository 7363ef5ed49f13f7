/** The import view's CSS: VS Code theme variables only, so light, dark and high-contrast themes look native. */
export const importStyles = `
body { padding: 0 20px 40px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 18px 0 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding-bottom: 4px; }
.where { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
.production { color: var(--vscode-errorForeground); font-weight: 600; }
.notice { padding: 6px 10px; margin: 8px 0; border-left: 3px solid var(--vscode-notificationsInfoIcon-foreground, var(--vscode-focusBorder)); background: var(--vscode-textBlockQuote-background); }
.failure { padding: 6px 10px; margin: 8px 0; border: 1px solid var(--vscode-inputValidation-errorBorder); background: var(--vscode-inputValidation-errorBackground); color: var(--vscode-errorForeground); white-space: pre-wrap; }
.notice:empty, .failure:empty { display: none; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 4px 8px; vertical-align: top; }
thead th { font-weight: 600; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--vscode-list-hoverBackground); }
table.mapping tbody th { font-weight: 600; white-space: nowrap; }
.samples { color: var(--vscode-descriptionForeground); max-width: 240px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
select { width: 300px; padding: 3px 4px; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border, transparent); font: inherit; }
select[data-match] { width: 140px; }
select:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
select:disabled { opacity: 0.5; }
.toolbar { display: flex; gap: 8px; align-items: center; margin: 14px 0; flex-wrap: wrap; }
#status { color: var(--vscode-descriptionForeground); }
.summary { font-weight: 600; margin: 6px 0; }
.summary.ok .codicon { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.summary.bad .codicon { color: var(--vscode-errorForeground); }
.counts { margin: 6px 0 10px; }
table.problems td.column { white-space: nowrap; font-weight: 600; }
table.problems td.row-number { text-align: right; font-variant-numeric: tabular-nums; }
.more { color: var(--vscode-descriptionForeground); margin: 6px 0; }
.busy .mapping, .busy vscode-button { opacity: 0.6; pointer-events: none; }
.codicon { vertical-align: text-bottom; margin-right: 4px; }
`;
