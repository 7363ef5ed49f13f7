/**
 * The sandbox's description of a NetSuite record type: the single source from which the metadata catalog
 * (JSON Schema / OpenAPI), record validation, REST serialisation and the SuiteQL tables are all derived.
 * Keeping one description means the catalog we serve can never disagree with the records we store.
 */

/** How a field is typed on the wire (REST JSON) and in SuiteQL. */
export type FieldKind =
  | 'string' // free text; `maxLength` optional
  | 'email'
  | 'phone'
  | 'url'
  | 'integer'
  | 'float' // JSON number, SuiteQL string of the number
  | 'currency' // JSON number rounded to 2 places
  | 'percent'
  | 'boolean' // JSON true/false, SuiteQL 'T'/'F'
  | 'date' // "YYYY-MM-DD"
  | 'datetime' // "YYYY-MM-DDTHH:MM:SSZ"
  | 'enum' // {id, refName} (or bare id with simpleEnumFormat=true)
  | 'reference'; // {links, id, refName} to another record type (no links when the target is not REST-exposed)

export interface EnumOption {
  id: string;
  refName: string;
}

export interface FieldDefinition {
  /** REST field id as NetSuite spells it: `companyName`, `custentity_loyalty_tier`. */
  id: string;
  /** Label shown by NetSuite (the schema `title`). */
  label: string;
  kind: FieldKind;
  /** SuiteQL column name (lower-case) when the field is exposed in SuiteQL; absent for REST-only fields. */
  column?: string;
  /** Target record type for `reference` fields (REST name, e.g. `subsidiary`). */
  referenceType?: string;
  /** False when the referenced type is not a REST record (e.g. `customForm`): reference objects carry no links. */
  referenceRestExposed?: boolean;
  enumOptions?: EnumOption[];
  required?: boolean;
  readOnly?: boolean;
  /** `custentity_*`, `custbody_*`, `custcol_*`, `custrecord_*` fields: `x-ns-custom-field: true`. */
  custom?: boolean;
  /** Listed in `x-ns-filterable` (usable in `q=`). */
  filterable?: boolean;
  maxLength?: number;
  /** HTML help text as NetSuite's schema `description`. */
  description?: string;
  /**
   * Transaction body fields that NetSuite's SuiteQL keeps on the main line of `transactionline` (mainline = 'T')
   * rather than on `transaction` (e.g. `subsidiary`, `department`): the column name there.
   */
  mainLineColumn?: string;
}

export interface SublistDefinition {
  /** REST sublist id: `addressBook`, `item`, `expense`. */
  id: string;
  label: string;
  /** The line key used in line links and keyed merge (`line` for transactions, `internalId` for addressBook). */
  lineKey: string;
  /** Keyed sublists merge lines by key on PATCH; non-keyed ones append (netsuite-wire.md §1.6). */
  keyed: boolean;
  fields: FieldDefinition[];
  required?: boolean;
  /** SuiteQL table holding one row per line (`transactionline`), when the lines are exposed in SuiteQL. */
  suiteqlTable?: string;
}

export type RecordFamily = 'entity' | 'transaction' | 'item' | 'list' | 'custom';

export interface RecordTypeDefinition {
  /** REST record type id as NetSuite spells it in docs: `customer`, `salesOrder`, `customrecord_project_milestone`. */
  id: string;
  label: string;
  family: RecordFamily;
  /** SuiteQL table that holds this type's rows (`customer`, `transaction`, `item`, `customrecord_…`). */
  suiteqlTable: string;
  /** For transactions: the SuiteQL `transaction.type` code (`SalesOrd`, `CustInvc`, `VendBill`). */
  transactionTypeCode?: string;
  /** For items: the SuiteQL `item.itemtype` code (`InvtPart`). */
  itemTypeCode?: string;
  /** Field whose value is the record's display name (refName). */
  nameField: string;
  fields: FieldDefinition[];
  sublists: SublistDefinition[];
  /** Target types for `POST /{type}/{id}/!transform/{target}`. */
  transformTargets?: string[];
  /** NetSuite UI path for "open in NetSuite" (netsuite-wire.md §7), e.g. `/app/common/entity/custjob.nl`. */
  uiPath?: string;
  /** Custom record types only: the numeric custom record type id used in UI links (`rectype=`). */
  customRecordTypeInternalId?: string;
}

/** A stored record: REST-shaped field values keyed by field id (references as `{id}`, enums as `{id}`). */
export interface StoredRecord {
  type: string;
  id: string;
  externalId?: string;
  fields: Record<string, unknown>;
  /** Sublist id → lines (each line a field map, with its key under the sublist's `lineKey`). */
  sublists: Record<string, Record<string, unknown>[]>;
  createdDate: string;
  lastModifiedDate: string;
}
