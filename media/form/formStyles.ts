/** The form's CSS: VS Code theme variables only, so light, dark and high-contrast themes look native. */
export const formStyles = `
body { padding: 0 20px 40px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 8px; }
.toolbar { display: flex; gap: 8px; align-items: center; margin: 8px 0 12px; flex-wrap: wrap; }
.notice { padding: 6px 10px; margin: 8px 0; border-left: 3px solid var(--vscode-notificationsInfoIcon-foreground, var(--vscode-focusBorder)); background: var(--vscode-textBlockQuote-background); }
.general-errors { padding: 6px 10px; margin: 8px 0; border: 1px solid var(--vscode-inputValidation-errorBorder); background: var(--vscode-inputValidation-errorBackground); color: var(--vscode-errorForeground); white-space: pre-wrap; }
.general-errors:empty, .notice:empty { display: none; }
.group { margin: 16px 0 8px; }
.group > h2 { font-size: 1.1em; font-weight: 600; margin: 0 0 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding-bottom: 4px; }
.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 10px 24px; }
.field { display: flex; flex-direction: column; gap: 3px; min-width: 0; }
.field > label { font-weight: 600; }
.field.readonly > label { opacity: 0.75; }
.field vscode-textfield, .field vscode-single-select { width: 100%; }
.required { color: var(--vscode-errorForeground); font-weight: 600; }
.field-error { color: var(--vscode-errorForeground); font-size: 0.95em; }
.field-error:empty { display: none; }
.invalid vscode-textfield, .invalid vscode-single-select { outline: 1px solid var(--vscode-inputValidation-errorBorder); }
.candidates { display: flex; flex-direction: column; border: 1px solid var(--vscode-widget-border, var(--vscode-focusBorder)); background: var(--vscode-editorWidget-background); max-height: 200px; overflow: auto; }
.candidates:empty { display: none; }
.candidate { text-align: left; background: none; border: none; color: var(--vscode-foreground); padding: 3px 8px; cursor: pointer; font: inherit; }
.candidate:hover, .candidate:focus { background: var(--vscode-list-hoverBackground); outline: 1px solid var(--vscode-focusBorder); }
.picked { font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.sublist-scroll { overflow-x: auto; margin-bottom: 6px; }
table.sublist { border-collapse: collapse; width: 100%; }
table.sublist th { text-align: left; font-weight: 600; padding: 4px 6px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); white-space: nowrap; }
table.sublist td { padding: 3px 6px; vertical-align: top; min-width: 90px; }
table.sublist td .field > label { display: none; }
.busy { opacity: 0.6; pointer-events: none; }
/* Codicons beside text: aligned with it, in the colour of the message they mark. */
.notice .codicon, .general-errors .codicon, .field-error .codicon, #status .codicon { vertical-align: text-bottom; margin-right: 4px; }
.notice .codicon { color: var(--vscode-notificationsInfoIcon-foreground, var(--vscode-focusBorder)); }
.general-errors .codicon, .field-error .codicon { color: var(--vscode-errorForeground); }
`;
