/**
 * Redaction runs on whatever an agent sends, so no input may make it slow: every pattern must do work linear in the
 * text. Each adversarial input below is large enough that a pattern backtracking over the rest of the text at each
 * of its many starting points (the old PEM pattern's lazy span between BEGIN and END, a JWT run that restarts inside
 * itself) would take minutes — far past the test's time limit — while a linear pass takes milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { redactedMark, redactText, redactValue } from '../../src/netsuite/secretRedaction';

const size = 1_000_000;
const repeatTo = (unit: string, length = size): string => unit.repeat(Math.ceil(length / unit.length));

const adversarial: Array<[string, string]> = [
  ['private key headers without an END', repeatTo('-----BEGIN PRIVATE KEY-----')],
  ['private key headers each followed by a foreign END', repeatTo('-----BEGIN PRIVATE KEY-----\n-----END CERTIFICATE-----\n')],
  ['a BEGIN followed by a long run of capitals', `-----BEGIN ${repeatTo('A ')}`],
  ['JWT starts inside one long run', repeatTo('eyJ-', 300_000)],
  ['JWT first segments without a second', repeatTo('eyJaaaaa.')],
  ['an authorization name followed by blanks', `authorization:${' '.repeat(size)}`],
  ['authorization names over and over', repeatTo('authorization: ')],
  ['Bearer over and over', repeatTo('Bearer ')],
  ['cookie pairs over and over', repeatTo('cookie=a;')],
  ['names with empty values', repeatTo('a= ')],
  ['agent key prefixes inside one run', repeatTo('slk_-')],
  ['code parameters', repeatTo('?code=')],
];

describe('redaction stays linear on adversarial input', () => {
  it.each(adversarial)('%s', (_name, text) => {
    expect(typeof redactText(text)).toBe('string');
  }, 15_000);

  it('redacts a private key whose END was cut off, to the end of the text', () => {
    const cut = '{"note":"-----BEGIN RSA PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC';
    expect(redactText(cut)).toBe(`{"note":"-----BEGIN RSA PRIVATE KEY-----${redactedMark}`);
  });

  it('still redacts whole blocks and keeps the text after them', () => {
    const text = 'a -----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY----- b -----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY----- c';
    expect(redactText(text)).toBe(`a -----BEGIN EC PRIVATE KEY-----${redactedMark} b -----BEGIN PRIVATE KEY-----${redactedMark} c`);
  });

  it('cuts strings before redacting them when asked, noting what was left out, and a cut key is still redacted', () => {
    const value = { note: `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(50_000)}\n-----END PRIVATE KEY-----` };
    expect(redactValue(value, { maxStringLength: 100 })).toEqual({ note: `-----BEGIN PRIVATE KEY-----${redactedMark}… (49,954 more characters not logged)` });
  });
});
