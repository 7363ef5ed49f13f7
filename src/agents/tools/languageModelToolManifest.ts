/**
 * The `contributes.languageModelTools` entries for package.json, generated from the same tool definitions the
 * MCP server lists, so the schema VS Code shows the model can never drift from the one the guard validates.
 */
import { agentTools } from './agentTools';

export interface LanguageModelToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  userDescription: string;
  toolReferenceName: string;
  canBeReferencedInPrompt: boolean;
  tags: string[];
  inputSchema: Record<string, unknown>;
}

/** `suitelens_run_suiteql` → `runSuiteql`, the name a person types after `#` in chat. */
function referenceName(toolName: string): string {
  return toolName.replace(/^suitelens_/, '').replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function languageModelToolContributions(): LanguageModelToolContribution[] {
  return agentTools.map((tool) => ({
    name: tool.name,
    displayName: tool.title,
    modelDescription: tool.description,
    userDescription: tool.title,
    toolReferenceName: referenceName(tool.name),
    canBeReferencedInPrompt: true,
    tags: ['netsuite', 'suitelens'],
    inputSchema: tool.inputSchema,
  }));
}
