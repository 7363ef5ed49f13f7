/**
 * Words Oracle gives a meaning the Trino grammar may not: a query that uses one where the grammar sees a plain
 * name (a column, an alias, a table) could be read as a clause by NetSuite. The agent guard refuses such a name
 * instead of guessing (tables.ts / guardedConstructs.ts).
 */

/** Oracle Database SQL Language Reference (19c), Appendix D "Oracle SQL Reserved Words". */
export const oracleReservedWords: ReadonlySet<string> = new Set(
  (
    'ACCESS ADD ALL ALTER AND ANY AS ASC AUDIT BETWEEN BY CHAR CHECK CLUSTER COLUMN COLUMN_VALUE COMMENT COMPRESS ' +
    'CONNECT CREATE CURRENT DATE DECIMAL DEFAULT DELETE DESC DISTINCT DROP ELSE EXCLUSIVE EXISTS FILE FLOAT FOR FROM ' +
    'GRANT GROUP HAVING IDENTIFIED IMMEDIATE IN INCREMENT INDEX INITIAL INSERT INTEGER INTERSECT INTO IS LEVEL LIKE ' +
    'LOCK LONG MAXEXTENTS MINUS MLSLABEL MODE MODIFY NESTED_TABLE_ID NOAUDIT NOCOMPRESS NOT NOWAIT NULL NUMBER OF ' +
    'OFFLINE ON ONLINE OPTION OR ORDER PCTFREE PRIOR PRIVILEGES PUBLIC RAW RENAME RESOURCE REVOKE ROW ROWID ROWNUM ' +
    'ROWS SELECT SESSION SET SHARE SIZE SMALLINT START SUCCESSFUL SYNONYM SYSDATE TABLE THEN TO TRIGGER UID UNION ' +
    'UNIQUE UPDATE USER VALIDATE VALUES VARCHAR VARCHAR2 VIEW WHENEVER WHERE WITH'
  ).split(' '),
);

/**
 * Oracle keywords that are not reserved but open a clause after a table or an expression (SQL Language Reference,
 * SELECT: flashback `VERSIONS`/`AS OF`, `PARTITION`, `SAMPLE`, `PIVOT`/`UNPIVOT`, `MODEL`, `MATCH_RECOGNIZE`,
 * `CROSS`/`OUTER APPLY`, `LATERAL`, hierarchical `NOCYCLE`/`SIBLINGS`, row limiting `OFFSET`/`FETCH`, `KEEP`, …).
 * As a bare name they would mean one thing to each reader.
 */
export const oracleClauseWords: ReadonlySet<string> = new Set(
  (
    'APPLY CROSS CONTAINERS FETCH FULL FUNCTION INNER INTERVAL JOIN JSON_TABLE KEEP LATERAL LEFT ' +
    'LIMIT MATCH_RECOGNIZE MODEL MULTISET NATURAL NOCYCLE OFFSET OUTER OVER PARTITION PIVOT PROCEDURE QUALIFY ' +
    'RETURNING RIGHT SAMPLE SHARDS SIBLINGS THE TIMESTAMP UNPIVOT USING VERSIONS WINDOW WITHIN XMLTABLE ESCAPE'
  ).split(' '),
);

/** Reserved words that are also SuiteQL pseudo-columns: allowed as a column reference, nowhere else. */
export const suiteQLPseudoColumnWords: ReadonlySet<string> = new Set(['ROWNUM', 'SYSDATE']);
