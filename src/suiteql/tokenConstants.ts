// ANTLR's fixed token constants, named here so the code needs only type imports from antlr4ng (a dependency of
// dt-sql-parser, not of ours).
export const EOF = -1;
export const DEFAULT_CHANNEL = 0;
