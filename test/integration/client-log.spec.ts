import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { ClientCredentialsAuthProvider } from '../../src/netsuite/auth/clientCredentials';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import { expectNoSecrets, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;

beforeAll(async () => {
  // Faults make the client log retries; short tokens make it log refreshes.
  setup = await setUpClient({ accessTokenTtlSeconds: 1, faults: { seed: 7, rate500: 0.1, rate429: 0.1, resetAfterCommitRate: 0.1 } });
});

afterAll(async () => {
  await setup?.stop();
});

describe('the client log', () => {
  it('holds no token, secret, signature or private key after real traffic of every kind', async () => {
    const { sandbox, log } = setup;
    const tba = new TbaAuthProvider(sandbox.accountId, sandbox.credentials.tba);
    const m2m = new ClientCredentialsAuthProvider({
      account: parseAccount(sandbox.accountId, { restBaseUrl: sandbox.baseUrl }),
      clientId: sandbox.credentials.clientCredentials.clientId,
      certificateId: sandbox.credentials.clientCredentials.certificateId,
      privateKeyPem: sandbox.credentials.clientCredentials.privateKeyPem,
      refreshSkewSeconds: 0,
      logger: log.logger,
    });
    for (const auth of [tba, m2m]) {
      const client = setup.client({ auth });
      for await (const _row of client.query('SELECT id, email FROM customer ORDER BY id', { pageSize: 50 })) {
        // drain
      }
      const subsidiary = (await client.queryPage('SELECT id FROM subsidiary', 0, { pageSize: 1 })).rows[0].raw.id;
      for (let i = 0; i < 10; i += 1) await client.records.create('customer', { companyName: `Log Test ${auth.kind} ${i}`, subsidiary: { id: subsidiary } });
      await client.records.get('customer', 'nosuchid').catch(() => undefined);
      // A careless caller logging the very headers it sends, and a raw secret in prose:
      log.logger.debug('auth headers', await auth.authorize({ method: 'GET', url: client.http.urlFor('record/v1/customer') }));
      log.logger.info(`about to use ${JSON.stringify(sandbox.credentials.tba)}`);
    }
    log.logger.warn(`client key:\n${sandbox.credentials.clientCredentials.privateKeyPem}`);

    expect(log.lines.some((line) => /retrying/.test(line))).toBe(true);
    // The careless lines above did reach the log — scrubbed.
    expect(log.lines.filter((line) => line.includes('[redacted]')).length).toBeGreaterThanOrEqual(5);
    expectNoSecrets(log.lines, setup.secrets());
  });
});
