/**
 * Asks for the values of a cell's `:name` parameters before it runs, remembering them per notebook (workspace
 * state, not the file: values can be customer names or ids a person would not commit). Binding is the pure
 * `bindParameters`: every value becomes a SuiteQL literal.
 */
import * as vscode from 'vscode';
import { bindParameters, findParameters } from '../../suiteql/parameters';

export type QueryPreparation = { query: string } | { cancelled: string };

export class NotebookParameters {
  constructor(private readonly memento: vscode.Memento) {}

  async prepare(query: string, notebook: vscode.NotebookDocument): Promise<QueryPreparation> {
    const parameters = findParameters(query);
    if (parameters.length === 0) return { query };
    const key = `suitelens.notebook.parameters:${notebook.uri.toString()}`;
    const remembered = this.memento.get<Record<string, string>>(key) ?? {};
    const values: Record<string, string> = { ...remembered };
    for (const [index, parameter] of parameters.entries()) {
      const value = await vscode.window.showInputBox({
        title: `SuiteQL parameter :${parameter.name} (${index + 1} of ${parameters.length})`,
        prompt: 'A number, a date as YYYY-MM-DD, or text. It goes into the query as a SuiteQL value, never as SQL.',
        value: remembered[parameter.name.toLowerCase()] ?? '',
        ignoreFocusOut: true,
      });
      if (value === undefined) return { cancelled: `Not run: no value was given for :${parameter.name}.` };
      values[parameter.name.toLowerCase()] = value;
    }
    await this.memento.update(key, values);
    return { query: bindParameters(query, values) };
  }
}
