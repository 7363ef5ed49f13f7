/** NetSuite's response media types (netsuite-wire.md §0), with the charset real responses carry. */
export const SINGULAR_MEDIA_TYPE = 'application/vnd.oracle.resource+json; type=singular; charset=UTF-8';
export const COLLECTION_MEDIA_TYPE = 'application/vnd.oracle.resource+json; type=collection; charset=UTF-8';
export const ERROR_MEDIA_TYPE = 'application/vnd.oracle.resource+json; type=error; charset=UTF-8';
export const JSON_MEDIA_TYPE = 'application/json; charset=UTF-8';
