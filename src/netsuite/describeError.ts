/**
 * Any failure as the text a person reads, the same on every surface (forms, explorer, commands, agent views): for a
 * NetSuite error its message, which quotes NetSuite's `detail`, followed by the advice sentence (what to do: the
 * missing permission, sign in again, check the network). The core decides the words; the VS Code layer only decides
 * where they are shown.
 */
import { isNetSuiteError } from './errors';

export function describeError(error: unknown): string {
  if (isNetSuiteError(error)) return sentences(error.message, error.advice);
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Two sentences joined: a first one that already ends a sentence (NetSuite's details often do) gets no second stop. */
function sentences(first: string, second: string): string {
  const head = first.trimEnd();
  if (!second) return head;
  return /[.!?]$/.test(head) ? `${head} ${second}` : `${head}. ${second}`;
}
