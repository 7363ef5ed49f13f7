/**
 * `npm run sandbox -- --port 8787 [--seed N] [--scale N] [--latency-ms N] [--concurrency N] [--credentials-out FILE]`
 * Starts the sandbox, prints its base URL and the demo credentials (these are throwaway secrets of a local
 * emulator — printing them is the point), optionally writes them as JSON for scripts, and runs until Ctrl+C.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxOptions } from './index';

const usage = `Usage: sandbox [--port N] [--seed N] [--scale N] [--latency-ms N] [--concurrency N] [--credentials-out FILE] [--data-dir DIR]`;

function integerOption(values: Record<string, string | boolean | undefined>, name: string, min: number): number | undefined {
  const text = values[name];
  if (text === undefined || typeof text === 'boolean') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got '${text}'.`);
  return value;
}

export function cliOptions(argv: string[]): { options: SandboxOptions; credentialsOut?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      'latency-ms': { type: 'string' },
      concurrency: { type: 'string' },
      'credentials-out': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const latency = integerOption(values, 'latency-ms', 0);
  return {
    options: {
      port: integerOption(values, 'port', 0) ?? 8787,
      seed: integerOption(values, 'seed', 0),
      scale: integerOption(values, 'scale', 1),
      concurrencyLimit: integerOption(values, 'concurrency', 1),
      ...(latency !== undefined ? { latency: { perRequestMs: latency } } : {}),
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    },
    credentialsOut: values['credentials-out'],
  };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = cliOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox(parsed.options);
  const { credentials } = sandbox;
  if (parsed.credentialsOut) await writeFile(parsed.credentialsOut, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  process.stdout.write(
    [
      `NetSuite sandbox running at ${sandbox.baseUrl} (account ${sandbox.accountId})`,
      '',
      'Demo credentials (Administrator role):',
      `  TBA consumer key:     ${credentials.tba.consumerKey}`,
      `  TBA consumer secret:  ${credentials.tba.consumerSecret}`,
      `  TBA token id:         ${credentials.tba.tokenId}`,
      `  TBA token secret:     ${credentials.tba.tokenSecret}`,
      `  OAuth 2.0 client id:  ${credentials.oauth2.clientId}`,
      `  OAuth 2.0 secret:     ${credentials.oauth2.clientSecret}`,
      `  OAuth 2.0 redirect:   ${credentials.oauth2.redirectUri}`,
      `  M2M client id:        ${credentials.clientCredentials.clientId}`,
      `  M2M certificate id:   ${credentials.clientCredentials.certificateId}`,
      parsed.credentialsOut ? `\nAll credentials (with the M2M private key) written to ${parsed.credentialsOut}` : '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const shutdown = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
