/**
 * A scripted stand-in for an OpenAI-compatible model on loopback, so VS Code's own chat can run with a
 * bring-your-own-key "Custom Endpoint" model and no network. It speaks the Chat Completions wire format
 * (POST …/chat/completions, streamed as server-sent `chat.completion.chunk` events or one JSON answer; format per
 * OpenAI's public API reference) and decides nothing: each script step says "when the person's last message matches
 * this, call this tool with these arguments". Once the tool's result comes back (a `role: "tool"` message) it
 * answers with that result's text, so what SuiteLens returned is what the chat shows. Anything else (a title
 * request, a message no step matches) gets a short plain answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  /** Matched against the text of the last user message. */
  readonly when: RegExp;
  /** SuiteLens's tool name: the request's `tools` entry of that name, else one whose name ends with it (MCP's prefix). */
  readonly tool: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  /** `mcp`: call the tool as an MCP server of VS Code's list offers it (prefixed), not the language-model tool. */
  readonly through?: 'mcp';
}

interface ChatMessage {
  role: string;
  content?: unknown;
  tool_calls?: unknown[];
}

interface ChatRequest {
  messages?: ChatMessage[];
  tools?: { function?: { name?: string } }[];
  stream?: boolean;
  model?: string;
}

export interface ScriptedModelServer {
  /** The base URL to give VS Code, e.g. `http://127.0.0.1:PORT/v1/chat/completions`. */
  readonly url: string;
  /** Every request body received, in order (for assertions and for reading a failure). */
  readonly requests: ChatRequest[];
  stop(): Promise<void>;
}

export const scriptedModelId = 'suitelens-scripted';
export const scriptedModelName = 'SuiteLens Scripted';

/** The chatLanguageModels.json VS Code 1.139 reads its bring-your-own-key "Custom Endpoint" models from. */
export function customEndpointModels(url: string): string {
  const model = { id: scriptedModelId, name: scriptedModelName, url, toolCalling: true, vision: false, maxInputTokens: 128000, maxOutputTokens: 4096 };
  return JSON.stringify([{ name: 'Loopback', vendor: 'customendpoint', apiKey: 'scripted-model-key', apiType: 'chat-completions', models: [model] }], null, 2);
}

/** A message's text whether it is a string or a list of `{ type: 'text', text }` parts. */
function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('');
  return '';
}

type Answer = { text: string } | { toolCall: { id: string; name: string; arguments: string } };

function decide(request: ChatRequest, script: readonly ScriptedToolCall[], callCount: number): Answer {
  const messages = request.messages ?? [];
  const last = messages.at(-1);
  if (last?.role === 'tool') return { text: `SuiteLens answered: ${messageText(last.content)}` };
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const prompt = lastUser ? messageText(lastUser.content) : '';
  const step = script.find((candidate) => candidate.when.test(prompt));
  const offered = (request.tools ?? []).map((tool) => tool.function?.name ?? '');
  // The language-model tool has the bare name; the same tool through an MCP server comes prefixed (mcp_…): the
  // script means the bare one when both are offered.
  const prefixed = (candidate: string): boolean => candidate !== step?.tool && candidate.endsWith(`_${step?.tool}`);
  const name = !step ? undefined : step.through === 'mcp' ? offered.find(prefixed) : (offered.find((candidate) => candidate === step.tool) ?? offered.find(prefixed));
  if (!step || !name) return { text: step ? `The tool ${step.tool} was not offered (offered: ${offered.join(', ') || 'none'}).` : 'Scripted model: nothing to do.' };
  return { toolCall: { id: `call_${callCount}`, name, arguments: JSON.stringify(step.arguments) } };
}

function chunk(model: string, delta: unknown, finish: string | null): string {
  const body = { id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

function respond(response: ServerResponse, request: ChatRequest, answer: Answer): void {
  const model = request.model ?? scriptedModelId;
  const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
  const message =
    'text' in answer
      ? { role: 'assistant', content: answer.text }
      : { role: 'assistant', content: null, tool_calls: [{ index: 0, id: answer.toolCall.id, type: 'function', function: { name: answer.toolCall.name, arguments: answer.toolCall.arguments } }] };
  const finish = 'text' in answer ? 'stop' : 'tool_calls';
  if (request.stream === false) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: 'chatcmpl-scripted', object: 'chat.completion', created: 0, model, choices: [{ index: 0, message, finish_reason: finish }], usage }));
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(chunk(model, message, null));
  response.write(chunk(model, {}, finish));
  response.write(`data: ${JSON.stringify({ id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model, choices: [], usage })}\n\n`);
  response.end('data: [DONE]\n\n');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startScriptedModelServer(script: readonly ScriptedToolCall[]): Promise<ScriptedModelServer> {
  const requests: ChatRequest[] = [];
  let toolCalls = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `no ${request.method} ${request.url} here` } }));
        return;
      }
      const body = JSON.parse(text) as ChatRequest;
      requests.push(body);
      const answer = decide(body, script, toolCalls);
      if ('toolCall' in answer) toolCalls += 1;
      respond(response, body, answer);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
