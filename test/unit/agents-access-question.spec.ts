// What a person reads before an agent's access changes: the subject named by the record type's label (as the rows of
// Agent Access show it), a SuiteQL family or table by its table name.
import { describe, expect, it } from 'vitest';
import { accessQuestion, switchSubject } from '../../src/app/agents/accessConfirmation';
import { recordTypeNoun } from '../../src/netsuite/recordTypeLabels';

describe('the words of an access change', () => {
  it('names a record type by its label, in a sentence’s lower case', () => {
    expect(switchSubject('salesorder')).toBe('sales order records');
    expect(switchSubject('job')).toBe('project records');
    expect(switchSubject('customer')).toBe('customer records');
  });

  it('keeps acronyms, hyphenated words and a custom record’s id as they are', () => {
    expect(recordTypeNoun('hcmJob')).toBe('HCM job');
    expect(recordTypeNoun('customerSubsidiaryRelationship')).toBe('customer-subsidiary relationship');
    expect(recordTypeNoun('customrecord_sl_project')).toBe('customrecord_sl_project');
  });

  it('names SuiteQL families, tables and every record type as before', () => {
    expect(switchSubject('transaction')).toBe('transaction (every transaction type) through SuiteQL');
    expect(switchSubject('systemnote', true)).toBe('the systemnote table through SuiteQL');
    expect(switchSubject('*')).toBe('every record type');
  });

  it('asks one question naming every change', () => {
    expect(accessQuestion('Billing helper', '1234567_SB1', [{ recordType: 'salesorder', level: 'write' }, { recordType: 'invoice', level: 'read' }])).toBe(
      'Let Billing helper read, create and change sales order records and read invoice records on 1234567_SB1 (sandbox)?',
    );
    expect(accessQuestion('Billing helper', '1234567_SB1', [{ recordType: 'job', level: 'none' }])).toBe("Switch off Billing helper's access to project records on 1234567_SB1 (sandbox)?");
  });
});
