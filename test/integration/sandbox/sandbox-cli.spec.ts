/**
 * `npm run sandbox` as a user runs it: the built CLI prints its URL and credentials, writes them as JSON with
 * --credentials-out, serves signed requests made with those credentials, stops on Ctrl+C, and refuses bad flags.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/sandbox';
import { call } from './sandboxTestClient';

const cli = 'dist/sandbox-cli.js';
let child: ChildProcess | undefined;

beforeAll(() => {
  execFileSync('node', ['esbuild.mjs', '--only', 'sandbox'], { stdio: 'pipe' });
});
afterAll(() => {
  child?.kill('SIGKILL');
});

function waitForOutput(process: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    });
    process.once('exit', (code) => reject(new Error(`CLI exited with ${code} before printing ${pattern}: ${output}`)));
  });
}

describe('sandbox CLI', () => {
  it('prints the base URL and credentials, writes them as JSON, serves them, and stops on SIGINT', async () => {
    const credentialsFile = join(mkdtempSync(join(tmpdir(), 'sandbox-cli-')), 'credentials.json');
    child = spawn('node', [cli, '--port', '0', '--seed', '3', '--concurrency', '4', '--credentials-out', credentialsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const match = await waitForOutput(child, /Press Ctrl\+C to stop\./);
    const output = match.input;
    const baseUrl = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(baseUrl).toBeTruthy();
    const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
    expect(Object.keys(credentials).sort()).toEqual(['accountId', 'baseUrl', 'clientCredentials', 'oauth2', 'tba']);
    expect(credentials.baseUrl).toBe(baseUrl);
    expect(Object.keys(credentials.tba).sort()).toEqual(['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret']);
    expect(Object.keys(credentials.oauth2).sort()).toEqual(['clientId', 'clientSecret', 'redirectUri']);
    expect(Object.keys(credentials.clientCredentials).sort()).toEqual(['certificateId', 'clientId', 'privateKeyPem']);
    expect(output).toContain(credentials.tba.consumerKey);

    const sandbox = { baseUrl: credentials.baseUrl, accountId: credentials.accountId, credentials } as RunningSandbox;
    const customers = await call(sandbox, 'GET', '/services/rest/record/v1/customer?limit=1');
    expect(customers.status).toBe(200);
    expect(customers.json.totalResults).toBeGreaterThan(0);
    const limits = await call(sandbox, 'GET', '/services/rest/system/v1/governanceLimits');
    expect(limits.json.accountConcurrencyLimit).toBe(4);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a bad flag value with the usage and exit code 2', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [cli, '--port', 'abc'], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain("--port must be an integer ≥ 0, got 'abc'.");
    expect(stderr).toContain('Usage: sandbox');
  });
});
