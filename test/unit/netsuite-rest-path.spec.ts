/**
 * Where the client lets NetSuite send it: job `Location`s and `links` hrefs are followed with the account's
 * credentials, so only URLs under the account's own REST root are accepted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { NetSuiteHttpClient } from '../../src/netsuite/http';

const http = new NetSuiteHttpClient({
  account: parseAccount('1234567_SB1'),
  auth: { kind: 'tba', authorize: () => Promise.resolve({}) },
});
const root = 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest';

afterAll(async () => {
  await http.close();
});

describe('restPathOf', () => {
  it('reads a host-relative job Location and an absolute link on the account host as REST paths', () => {
    expect(http.restPathOf('/services/rest/async/v1/job/123456')).toBe('async/v1/job/123456');
    expect(http.restPathOf(`${root}/async/v1/job/1/task/1`)).toBe('async/v1/job/1/task/1');
    expect(http.urlFor(http.restPathOf('/services/rest/async/v1/job/7')).href).toBe(`${root}/async/v1/job/7`);
  });

  it('refuses a URL on another host or outside the REST root, naming it, so credentials never go there', () => {
    expect(() => http.restPathOf('https://attacker.example/services/rest/async/v1/job/1')).toThrow(/attacker\.example.*not under this account's REST address/);
    expect(() => http.restPathOf('http://1234567-sb1.suitetalk.api.netsuite.com/services/rest/async/v1/job/1')).toThrow(/not under/);
    expect(() => http.restPathOf('/app/common/entity/custjob.nl?id=5')).toThrow(/not under/);
  });
});
