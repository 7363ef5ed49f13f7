/**
 * SuiteQL's Oracle dialect through the real sandbox over HTTP, on the generated demo account: the paging idioms
 * clients use (nested ROWNUM, limit/offset pages), BUILTIN.DF, the 100,000-row cap, role filtering of shared
 * tables, hostile values, and NetSuite's exact error body.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tbaAuthorizationHeader, type TbaCredentials } from '../../src/netsuite/auth/tba';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({});
});
afterAll(async () => {
  await sandbox?.stop();
});

interface SuiteQLBody {
  links: { rel: string; href: string }[];
  count: number;
  hasMore: boolean;
  items: Record<string, unknown>[];
  offset: number;
  totalResults: number;
  'o:errorDetails'?: Record<string, string>[];
}

async function suiteql(q: string, paging = '', credentials: TbaCredentials = sandbox.credentials.tba): Promise<{ status: number; body: SuiteQLBody }> {
  const url = new URL(`${sandbox.baseUrl}/services/rest/query/v1/suiteql${paging}`);
  const authorization = tbaAuthorizationHeader({
    method: 'POST',
    url,
    accountId: sandbox.accountId,
    credentials,
    nonce: randomBytes(16).toString('hex'),
    timestamp: Math.floor(Date.now() / 1000),
  });
  const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json', prefer: 'transient' }, body: JSON.stringify({ q }) });
  return { status: response.status, body: (await response.json()) as SuiteQLBody };
}

describe('SuiteQL dialect over HTTP', () => {
  it('serves the nested ROWNUM paging idiom as strings with links [] first', async () => {
    const { status, body } = await suiteql('SELECT * FROM (SELECT a.*, ROWNUM rn FROM (SELECT id, entityid FROM customer ORDER BY id) a WHERE ROWNUM <= 20) WHERE rn > 10');
    expect(status).toBe(200);
    expect(body.totalResults).toBe(10);
    expect(body.items.map((item) => item.rn)).toEqual(['11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
    expect(Object.keys(body.items[0])[0]).toBe('links');
    for (const item of body.items) for (const [key, value] of Object.entries(item)) expect(typeof value === 'string' || key === 'links').toBe(true);
  });

  it('limit/offset pages join up to exactly the one-page result, in order', async () => {
    const query = "SELECT id, companyname, BUILTIN.DF(subsidiary) AS subsidiary FROM customer WHERE isinactive = 'F' ORDER BY id";
    const whole = await suiteql(query, '?limit=1000&offset=0');
    const paged: Record<string, unknown>[] = [];
    for (let offset = 0; offset < whole.body.totalResults; offset += 50) {
      const { body } = await suiteql(query, `?limit=50&offset=${offset}`);
      expect(body.totalResults).toBe(whole.body.totalResults);
      paged.push(...body.items);
    }
    expect(whole.body.totalResults).toBeGreaterThan(100);
    expect(paged).toEqual(whole.body.items);
  });

  it('BUILTIN.DF shows transaction types and entity names; TOP and FETCH FIRST limit rows', async () => {
    const { body } = await suiteql("SELECT TOP 3 t.tranid, BUILTIN.DF(t.type) AS typename, BUILTIN.DF(t.entity) AS who, t.entity FROM transaction t WHERE t.type = 'SalesOrd' ORDER BY t.id");
    expect(body.items).toHaveLength(3);
    for (const item of body.items) {
      expect(item.typename).toBe('Sales Order');
      expect(typeof item.who).toBe('string');
      expect(item.who).not.toBe(item.entity);
    }
    const fetched = await suiteql('SELECT id FROM item ORDER BY id FETCH FIRST 2 ROWS ONLY');
    expect(fetched.body.totalResults).toBe(2);
  });

  it('returns hostile values verbatim', async () => {
    const { body } = await suiteql("SELECT companyname FROM customer WHERE companyname IN ('<img src=x onerror=alert(1)>', 'O''Brien & Sons') ORDER BY companyname");
    expect([...new Set(body.items.map((item) => item.companyname))]).toEqual(['<img src=x onerror=alert(1)>', "O'Brien & Sons"]);
  });

  it('caps a query at 100,000 results and refuses an offset past the cap', async () => {
    // Oracle-style comma join: every customer with every transaction, far more than 100,000 rows.
    const query = 'SELECT c.id AS customer, t.id AS tran FROM customer c, transaction t ORDER BY c.id, t.id';
    const last = await suiteql(query, '?limit=1000&offset=99000');
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ count: 1000, totalResults: 100000, hasMore: false });
    const beyond = await suiteql(query, '?limit=1000&offset=100000');
    expect(beyond.status).toBe(400);
    expect(beyond.body['o:errorDetails']).toEqual([expect.objectContaining({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'offset' })]);
  });

  it('a shared table shows a narrow role only the record types it may view', async () => {
    const admin = await suiteql('SELECT DISTINCT type FROM entity ORDER BY type');
    expect(admin.body.items.map((item) => item.type)).toEqual(['Contact', 'CustJob', 'Employee', 'Vendor']);
    const narrow = await suiteql('SELECT DISTINCT type FROM entity ORDER BY type', '', sandbox.narrowCredentials.tba);
    expect(narrow.body.items.map((item) => item.type)).toEqual(['Contact', 'CustJob']);
    const lines = await suiteql('SELECT COUNT(*) AS n FROM transactionline', '', sandbox.narrowCredentials.tba);
    expect(lines.body['o:errorDetails']?.[0].detail).toBe("Invalid search query. Detailed unprocessed description follows. Search error occurred: Record 'transactionline' was not found.");
  });

  it("answers an unknown column with NetSuite's exact body", async () => {
    const { status, body } = await suiteql('SELECT subsidiary FROM transaction');
    expect(status).toBe(400);
    expect(body).toEqual({
      type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
      title: 'Bad Request',
      status: 400,
      'o:errorDetails': [
        {
          detail: "Invalid search query. Detailed unprocessed description follows. Search error occurred: Unknown identifier 'subsidiary'. Available identifiers are: {transaction=transaction}.",
          'o:errorCode': 'INVALID_PARAMETER',
          'o:errorQueryParam': 'q',
        },
      ],
    });
  });
});
