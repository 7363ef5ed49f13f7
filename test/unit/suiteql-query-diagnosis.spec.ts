import { describe, expect, it } from 'vitest';
import { describeRefusedQuery, diagnoseRefusedQuery, isGenericQueryError } from '../../src/suiteql/queryDiagnosis';

const generic = 'Invalid search query. Detailed unprocessed description follows. Search error occurred: Invalid or unsupported search.';

describe("SuiteLens's diagnosis when NetSuite's answer is its generic 'Invalid or unsupported search'", () => {
  it('recognises the generic answer and nothing more specific', () => {
    expect(isGenericQueryError(generic)).toBe(true);
    expect(isGenericQueryError("Search error occurred: Unknown identifier 'foo'.")).toBe(false);
  });

  it.each([
    ['SELECT id FORM customer', 'line 1, column 16: it saw "customer" where it did not expect it.', 15],
    ["SELECT id FROM customer WHERE companyname = 'Acme", "line 1, column 45: the string that starts here is never closed (a missing ').", 44],
    ['SELECT id FROM customer;\nSELECT id FROM vendor', 'line 1, column 24: a second statement starts after this ";"; NetSuite runs one query at a time.', 23],
    ['SELECT id FROM customer WHERE id = ?', 'line 1, column 36: ? is a bind variable; SuiteQL over REST takes no parameters, so write the value into the query.', 35],
    ['SELECT id FROM customer\nWHERE id = :customerId', 'line 2, column 12: :customerId is a bind variable; SuiteQL over REST takes no parameters, so write the value into the query.', 35],
    ['DELETE FROM customer WHERE id = 1', 'line 1, column 1: SuiteQL runs only SELECT queries; this one starts with DELETE.', 0],
    ['SELECT id FROM customer WHERE (id = 1', 'line 1, column 38: the query ends too early (a missing closing parenthesis or clause?).', 37],
  ])('%j: says where and what it saw', (query, message, position) => {
    expect(diagnoseRefusedQuery(query)).toEqual({ message, position });
    expect(describeRefusedQuery(query).note).toBe(`SuiteLens's own check (not NetSuite's): ${message}`);
  });

  it('says so when it finds nothing wrong, rather than guessing', () => {
    expect(describeRefusedQuery('SELECT id FROM customer WHERE id = 1')).toEqual({
      note: "SuiteLens's own check (not NetSuite's): no syntax error found; NetSuite may not support a function, join or construct this query uses.",
    });
  });
});
