/**
 * An edit form's PATCH whose answer was lost may still be running as a NetSuite job. Before the form sends any other
 * change, that PATCH is settled: sent again under its own idempotency key, which NetSuite answers with the first
 * job's outcome (waiting for it), or runs once if it never arrived. Sent under a new key instead, its lines would be
 * added twice; not sent at all (the form reverted), the job would later apply a change the person took back.
 */
import { describeError } from '../../netsuite/describeError';
import { isNetSuiteError } from '../../netsuite/errors';
import { sentChange, type SentChange } from './model/settledEdit';
import type { SaveOutcome, SaveRecordFormInput } from './saveRecordForm';

/** A connection that failed, or a job that could not be followed: NetSuite may have applied the request, or may yet. */
export function answerLost(error: unknown): boolean {
  return isNetSuiteError(error) && (error.kind === 'network' || (error.kind === 'server' && error.status === undefined));
}

/**
 * Resolves the change NetSuite now has from the pending PATCH (`keys.edit`), or the outcome to show when it is not
 * settled; then nothing else was sent. `keys.edit` stays until the caller lays the change over the form.
 */
export async function settlePendingEdit({ client, form, keys }: SaveRecordFormInput, id: string, pending: { change: string; key: string }): Promise<SentChange | SaveOutcome> {
  const keep = (text: string): SaveOutcome => ({ status: 'notSaved', errors: { fields: [], general: [text] }, reason: text });
  const sent = sentChange(pending.change);
  if (!sent) {
    keys.edit = undefined;
    return keep(`SuiteLens cannot read back what an earlier save of this form sent, so it cannot tell whether NetSuite has it. Nothing was sent; your edits are kept. Check ${form.recordType} ${id} in NetSuite before saving again.`);
  }
  try {
    await client.records.patch(form.recordType, id, sent.body, { replace: sent.replace, idempotencyKey: pending.key, keyReplaced: (key) => (pending.key = key) });
  } catch (error) {
    if (answerLost(error)) {
      return keep(`${describeError(error)} An earlier save of this form is still not confirmed, and its job may still apply it. Nothing new was sent, so that change cannot be applied twice; your edits are kept. Save again in a moment: SuiteLens waits for that job first.`);
    }
    // Refused: its job made no change, so nothing is pending any more and the next save sends the whole edit.
    keys.edit = undefined;
    return keep(`${describeError(error)} NetSuite refused an earlier save of this form that was still pending, so it made no change. Nothing new was sent; your edits are kept. Save again to send them.`);
  }
  return sent;
}
