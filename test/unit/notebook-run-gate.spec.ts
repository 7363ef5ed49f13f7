import { describe, expect, it } from 'vitest';
import { runGate, runQuestion, type RunGateInput } from '../../src/app/notebook/runGate';

const sandboxByPerson: RunGateInput = { personAtNotebook: true, folderTrusted: true, environment: 'sandbox', demo: false, readOnly: false };

describe('notebook runs SuiteLens cannot put down to a person at the notebook', () => {
  it('run without a question when the person is at the notebook, whatever the account or folder', () => {
    for (const environment of ['production', 'sandbox', 'releasePreview'] as const) {
      expect(runGate({ ...sandboxByPerson, environment, readOnly: true, folderTrusted: false }).action).toBe('run');
    }
  });

  it('ask first on production, on a read-only account, and on every account in Restricted Mode', () => {
    const elsewhere = { ...sandboxByPerson, personAtNotebook: false };
    expect(runGate({ ...elsewhere, environment: 'production' })).toEqual({ action: 'ask', why: 'this is a production account' });
    expect(runGate({ ...elsewhere, readOnly: true })).toEqual({ action: 'ask', why: 'this account is marked read-only' });
    expect(runGate({ ...elsewhere, folderTrusted: false, demo: true })).toEqual({ action: 'ask', why: 'this folder is in Restricted Mode' });
  });

  it('run a sandbox or the demo (a production-looking id included) in a trusted folder as before', () => {
    const elsewhere = { ...sandboxByPerson, personAtNotebook: false };
    expect(runGate(elsewhere).action).toBe('run');
    expect(runGate({ ...elsewhere, environment: 'production', demo: true }).action).toBe('run');
  });

  it('the question names the account and shows the queries that would run', () => {
    const question = runQuestion('Acme · 1234567 · Production', 'this is a production account', ['SELECT email FROM employee']);
    expect(question.message).toBe('Run this SuiteQL on Acme · 1234567 · Production?');
    expect(question.detail).toContain('an agent (such as VS Code chat');
    expect(question.detail).toContain('SELECT email FROM employee');
    expect(runQuestion('x', 'why', ['a', 'b', 'c', 'd']).detail).toContain('…and 1 more cells.');
  });
});
