/**
 * What the host remembers about each result shown in a notebook, so the grid can ask for more rows or an export
 * by `queryId`. Rows themselves live in the renderer; the host keeps only the query and how far it got.
 */
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import type { RowsColumn } from '../../protocol/rows';

export interface ResultSession {
  readonly queryId: string;
  readonly accountId: string;
  readonly query: string;
  /** Columns the renderer knows, in order; rows sent later are aligned with these. */
  columns: RowsColumn[];
  loaded: number;
  totalResults: number;
  /** Rows per NetSuite page for this result, fixed when it first ran: later pages must use the same one. */
  readonly pageSize: number;
  /** The cell showing this result, whose metadata keeps the result's chart. */
  readonly cell?: vscode.NotebookCell;
  /** The load-more / load-all in progress, if any. */
  loading?: AbortController;
}

const maxSessions = 200;

export class ResultSessions {
  private readonly sessions = new Map<string, ResultSession>();

  create(init: Omit<ResultSession, 'queryId'>): ResultSession {
    const session: ResultSession = { ...init, queryId: randomUUID() };
    this.sessions.set(session.queryId, session);
    // Oldest first in a Map: evict beyond the bound so a long notebook session cannot grow without limit.
    while (this.sessions.size > maxSessions) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.get(oldest)?.loading?.abort();
      this.sessions.delete(oldest);
    }
    return session;
  }

  get(queryId: string): ResultSession | undefined {
    return this.sessions.get(queryId);
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.loading?.abort();
    this.sessions.clear();
  }
}
