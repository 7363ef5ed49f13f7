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

/**
 * Oracle functions called without parentheses and pseudo-columns that are not reserved words (Oracle Database SQL
 * Language Reference 19c, "Pseudocolumns", "SQL Functions" — DBTIMEZONE, SESSIONTIMEZONE, SYSTIMESTAMP,
 * LOCALTIMESTAMP — and "Event attribute functions", all named ORA_*). A bare `sessiontimezone` that no table of the
 * query has as a column is such a call to Oracle, while the grammar reads a column: the agent guard refuses these
 * names as columns. SuiteQL's own SYSDATE, CURRENT_DATE and ROWNUM stay allowed (suiteQLPseudoColumnWords).
 */
const oracleParameterlessWords: ReadonlySet<string> = new Set(
  (
    'DBTIMEZONE SESSIONTIMEZONE SYSTIMESTAMP LOCALTIMESTAMP CURRENT_TIMESTAMP CURRENT_TIME CURRENT_USER SESSION_USER ' +
    'CURRENT_SCHEMA CONNECT_BY_ISCYCLE CONNECT_BY_ISLEAF CONNECT_BY_ROOT OBJECT_ID OBJECT_VALUE XMLDATA SQLCODE SQLERRM'
  ).split(' '),
);

/** Prefixes of Oracle's own names: event attribute functions and ORA_ROWSCN, flashback's VERSIONS_*, SYS_ functions. */
const oracleParameterlessPrefixes = ['ORA_', 'VERSIONS_', 'SYS_', 'DBMS_', 'UTL_'];

/** True for a bare name Oracle may read as a function call or pseudo-column rather than a column (any case). */
export function isOracleParameterlessName(name: string): boolean {
  const upper = name.toUpperCase();
  return oracleParameterlessWords.has(upper) || oracleParameterlessPrefixes.some((prefix) => upper.startsWith(prefix));
}

/**
 * Table names Oracle resolves to its own data dictionary through public synonyms (Oracle Database Reference 19c,
 * "Static Data Dictionary Views": the ALL_, USER_, DBA_ and CDB_ families, and the short synonyms and views of
 * "About Static Data Dictionary Views" and the Security Guide: DICT, TAB, GLOBAL_NAME, SESSION_PRIVS…). None is a
 * SuiteQL table, and a query naming one reads Oracle's catalog (users, source code, privileges), not record data.
 * The V$ views need `$`, which the agent lexer refuses anyway.
 */
const oracleDictionaryPrefixes = ['ALL_', 'USER_', 'DBA_', 'CDB_'];
const oracleDictionaryNames: ReadonlySet<string> = new Set(
  (
    'DICTIONARY DICT DICT_COLUMNS TAB TABS CAT COL COLS IND OBJ SEQ SYN SYNS CLU GLOBAL_NAME PRODUCT_COMPONENT_VERSION ' +
    'NLS_SESSION_PARAMETERS NLS_DATABASE_PARAMETERS NLS_INSTANCE_PARAMETERS SESSION_PRIVS SESSION_ROLES ROLE_SYS_PRIVS ' +
    'ROLE_TAB_PRIVS ROLE_ROLE_PRIVS TABLE_PRIVILEGES COLUMN_PRIVILEGES DATABASE_PROPERTIES DATABASE_COMPATIBLE_LEVEL ' +
    'RESOURCE_COST PUBLICSYN AUDIT_ACTIONS STMT_AUDIT_OPTION_MAP SYSTEM_PRIVILEGE_MAP TABLE_PRIVILEGE_MAP PLAN_TABLE ' +
    'PRODUCT_PRIVS TRUSTED_SERVERS'
  ).split(' '),
);

/** True for a table name Oracle reads as one of its data dictionary views (any case). */
export function isOracleDictionaryName(name: string): boolean {
  const upper = name.toUpperCase();
  return oracleDictionaryNames.has(upper) || oracleDictionaryPrefixes.some((prefix) => upper.startsWith(prefix));
}
