import { join } from 'node:path';
import * as vscode from 'vscode';
import { NetSuiteClient } from './netsuite/client';
import { CompanyLanguage } from './netsuite/companyLanguage';
import { createLogger, type Logger, type LogLevel } from './netsuite/log';
import type { SandboxOptions } from './sandbox/options';
import { accountOf } from './app/accounts/accountProfile';
import { afterActivation } from './app/startup/afterActivation';
import { AccountRegistry } from './vscode/accounts/accountRegistry';
import { authForProfile } from './app/accounts/authForProfile';
import { registerAccounts, type AccountsFeature } from './vscode/accounts/registerAccounts';
import { registerAgents, type AgentsFeature } from './vscode/agents/registerAgents';
import { SecretStorageStore } from './vscode/accounts/secretStorageStore';
import { DemoSandbox } from './vscode/demo/demoSandbox';
import { registerExplorer } from './vscode/explorer/registerExplorer';
import { registerForms } from './vscode/forms/registerForms';
import { registerImport } from './vscode/import/registerImport';
import { registerNotebooks, type NotebookFeature } from './vscode/notebook/registerNotebooks';
import { registerRecordDocuments } from './vscode/records/recordDocuments';
import { registerSuiteQLFileRunner } from './vscode/language/runSuiteQLFile';
import { registerSuiteQLFormatting } from './vscode/language/suiteqlFormatting';
import { registerSuiteQLLanguage, SuiteQLSchemas } from './vscode/language/suiteqlLanguage';

/** What `activate` returns: the services, for the extension-host test suite and other extensions. */
export interface SuiteLensApi {
  readonly registry: AccountRegistry<NetSuiteClient>;
  /** Add / sign in again / remove accounts, and the OAuth 2.0 redirect handler. */
  readonly accounts: AccountsFeature;
  readonly notebooks: NotebookFeature;
  /** Agent guard, language-model tools, MCP endpoint, access and activity views. */
  readonly agents: AgentsFeature;
  /** Starts the in-process demo sandbox (once) and returns the demo account's id. */
  startDemo(): Promise<string>;
  readonly logger: Logger;
}

let demo: DemoSandbox | undefined;

/**
 * Composition root: builds the services and registers every surface. Each registration is pushed to
 * `context.subscriptions` so that deactivation disposes everything.
 */
export function activate(context: vscode.ExtensionContext): SuiteLensApi {
  const output = vscode.window.createOutputChannel('SuiteLens', { log: true });
  const logger = createLogger({ sink: (line, level) => writeLog(output, line, level), level: 'debug' });
  const secrets = new SecretStorageStore(context.secrets);
  const cacheRoot = join(context.globalStorageUri.fsPath, 'metadata');

  const registry = new AccountRegistry<NetSuiteClient>(context.globalState, secrets, async (profile, secretStore) => {
    const auth = await authForProfile(profile, secretStore, logger);
    const account = accountOf(profile);
    const client = new NetSuiteClient({
      accountId: profile.accountId,
      auth,
      overrides: account.overridden ? { restBaseUrl: account.restBaseUrl, uiBaseUrl: account.uiBaseUrl } : undefined,
      concurrencyLimit: profile.concurrencyLimit,
      companyLanguage: new CompanyLanguage(profile.companyLanguage, (language) => {
        logger.info(`${profile.accountId}: NetSuite asked for Accept-Language '${language}' (the company language); remembered for this account`);
        void registry.rememberCompanyLanguage(profile.accountId, language);
      }),
      cacheRoot,
      logger,
    });
    return { profile, client, dispose: () => void client.dispose() };
  });
  const accounts = registerAccounts(context, registry, secrets, logger);
  demo = new DemoSandbox(context.extensionPath, registry, demoOptionsFromEnvironment(logger));
  const schemas = new SuiteQLSchemas(registry, logger);
  const agents = registerAgents(context, registry, logger);
  const notebooks = registerNotebooks(
    context,
    registry,
    (accountId, query, columns) => schemas.learn(accountId, query, columns),
    (query, totalResults, pageSize) => schemas.noteResultSize(query, totalResults, pageSize),
  );

  const startDemo = async (): Promise<string> => {
    const accountId = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Starting the SuiteLens demo sandbox…' },
      () => demo!.start(),
    );
    await registry.setActive(accountId);
    logger.info(`Demo sandbox running as account ${accountId} at ${(await demo!.baseUrl) ?? '?'}`);
    return accountId;
  };

  context.subscriptions.push(
    output,
    registry,
    accounts,
    notebooks,
    agents,
    registerRecordDocuments(registry, context.extensionUri, logger),
    registerExplorer(registry, logger),
    registerForms(registry, context.extensionUri, logger, context.workspaceState),
    registerImport(registry, { extensionUri: context.extensionUri, logger, memento: context.workspaceState }),
    registerSuiteQLLanguage(registry, schemas),
    registerSuiteQLFormatting(context.extensionPath),
    registerSuiteQLFileRunner(registry),
    vscode.commands.registerCommand('suitelens.tryDemoSandbox', async () => {
      try {
        await startDemo();
        await vscode.commands.executeCommand('suitelens.explorer.focus');
      } catch (error) {
        logger.error('The demo sandbox did not start', error);
        void vscode.window.showErrorMessage(`The SuiteLens demo sandbox did not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );

  // A setting, so read after activation (afterActivation.ts): the first getConfiguration of the host is not cheap.
  void afterActivation().then(() => {
    if (!demo || !vscode.workspace.getConfiguration('suitelens').get<boolean>('demo.autoStart', false)) return;
    void startDemo().catch((error: unknown) => logger.error('The demo sandbox did not start', error));
  });
  logger.info('SuiteLens activated');
  return { registry, accounts, notebooks, agents, startDemo, logger };
}

export async function deactivate(): Promise<void> {
  // Stops the in-process sandbox so its port and PGlite memory are released with the extension host.
  await demo?.dispose();
  demo = undefined;
}

/**
 * Test and development hook: `SUITELENS_DEMO_OPTIONS` holds sandbox options as JSON (e.g. latency, faults) for the
 * demo sandbox, so end-to-end tests can make it slow or faulty. Users never need it; it only shapes the local emulator.
 */
function demoOptionsFromEnvironment(logger: Logger): SandboxOptions {
  const raw = process.env.SUITELENS_DEMO_OPTIONS;
  if (!raw) return {};
  try {
    const options = JSON.parse(raw) as SandboxOptions;
    logger.info('Demo sandbox options from SUITELENS_DEMO_OPTIONS', options);
    return options;
  } catch (error) {
    logger.warn('Ignoring SUITELENS_DEMO_OPTIONS: it is not valid JSON', error);
    return {};
  }
}

function writeLog(output: vscode.LogOutputChannel, line: string, level: LogLevel): void {
  // The logger already stamps and labels its lines; the channel adds its own, so pass the message part.
  const message = line.replace(/^\S+ \S+ /, '');
  if (level === 'trace') output.trace(message);
  else if (level === 'debug') output.debug(message);
  else if (level === 'info') output.info(message);
  else if (level === 'warn') output.warn(message);
  else output.error(message);
}
