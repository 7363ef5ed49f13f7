/** Every agent tool, in the order they are listed to agents. */
import { bulkUpdateRecordsTool } from './bulkUpdateTool';
import type { AgentTool } from './agentTool';
import { describeRecordTypeTool, getRecordTool, listRecordTypesTool, searchRecordsTool } from './readTools';
import { runSuiteQLTool } from './runSuiteQLTool';
import { createRecordTool, deleteRecordTool, transformRecordTool, updateRecordTool } from './writeTools';

export const agentTools: readonly AgentTool[] = [
  listRecordTypesTool,
  describeRecordTypeTool,
  getRecordTool,
  searchRecordsTool,
  runSuiteQLTool,
  createRecordTool,
  updateRecordTool,
  bulkUpdateRecordsTool,
  deleteRecordTool,
  transformRecordTool,
];

export function findAgentTool(name: string): AgentTool | undefined {
  return agentTools.find((tool) => tool.name === name);
}
