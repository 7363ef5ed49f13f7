/**
 * What every record-service handler needs: the record types, the store, the settings that NetSuite leaves to
 * the account or the request (date format, property validation), and the shared checks —
 * record type lookup, role permissions, `eid:` resolution and the request body.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import type { PermissionLevel, SandboxRole } from '../model/seams';
import type { PropertyValidationMode, QueryDateSettings } from '../options';
import { insufficientPermission, invalidContent, NetSuiteHttpError, recordNotFound, recordTypeNotFound } from '../http/errors';
import { permissionLevel, hasPermission } from '../roles';
import type { RecordStore } from '../store/recordStore';
import { recordHref } from './links';
import type { SchemaCheck } from './bodyValidation';

export interface RecordServiceSettings {
  store: RecordStore;
  baseUrl(): string;
  findRecordType(name: string): RecordTypeDefinition | undefined;
  dateFormat: string;
  /** How `q` dates that do not parse are refused, and whether ISO-8601 date-times are accepted (options.ts). */
  queryDates?: QueryDateSettings;
  propertyNameValidation: PropertyValidationMode;
  /** The catalog's JSON-Schema validation of bodies, so the store enforces what the catalog serves. */
  schemaCheck: SchemaCheck;
}

export function definitionFor(settings: RecordServiceSettings, typeName: string): RecordTypeDefinition {
  const definition = settings.findRecordType(typeName);
  if (!definition) throw recordTypeNotFound(typeName);
  return definition;
}

const levelLabels: Record<PermissionLevel, string> = { none: 'None', view: 'View', create: 'Create', edit: 'Edit', full: 'Full' };

/** 403 naming the permission and level the role lacks, so the user knows what to ask their administrator for. */
export function requirePermission(role: SandboxRole, definition: RecordTypeDefinition, needed: PermissionLevel, action: string): void {
  if (hasPermission(role, definition.id, needed)) return;
  const held = levelLabels[permissionLevel(role, definition.id)];
  throw insufficientPermission(
    `Permission Violation: You need the '${definition.label}' permission at level '${levelLabels[needed]}' to ${action} a ${definition.id} record. ` +
      `Your role '${role.name}' has '${held}'. Please contact your account administrator.`,
  );
}

/** The store, or a transaction of it: inside a transaction, reads must go through the transaction. */
export interface RecordReader {
  get(typeName: string, id: string): Promise<StoredRecord | undefined>;
  findByExternalId(typeName: string, externalId: string): Promise<StoredRecord | undefined>;
}

/** Internal id or `eid:<externalId>` (netsuite-wire.md §1.5). */
export async function findRecord(reader: RecordReader, definition: RecordTypeDefinition, idParam: string): Promise<StoredRecord | undefined> {
  if (idParam.toLowerCase().startsWith('eid:')) return reader.findByExternalId(definition.id, idParam.slice(4));
  return reader.get(definition.id, idParam);
}

export async function mustFindRecord(reader: RecordReader, definition: RecordTypeDefinition, idParam: string): Promise<StoredRecord> {
  const record = await findRecord(reader, definition, idParam);
  if (!record) throw recordNotFound();
  return record;
}

export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw invalidContent('Invalid content in the request body.');
  }
}

export function propertyNameMode(settings: RecordServiceSettings, headers: IncomingHttpHeaders): PropertyValidationMode {
  const header = headers['x-netsuite-propertynamevalidation'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return settings.propertyNameValidation;
  const mode = (['Error', 'Warning', 'Ignore'] as const).find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  if (!mode) {
    throw new NetSuiteHttpError(400, [
      {
        detail: `Invalid value '${value}' for header X-NetSuite-PropertyNameValidation. Use Error, Warning or Ignore.`,
        'o:errorCode': 'INVALID_PARAMETER',
        'o:errorHeader': 'X-NetSuite-PropertyNameValidation',
      },
    ]);
  }
  return mode;
}

/** Headers of a successful write: the absolute Location of the record, and any ignored-field warnings. */
export function writeHeaders(settings: RecordServiceSettings, definition: RecordTypeDefinition, id: string, warnings: string[] = []): Record<string, string> {
  const headers: Record<string, string> = { location: recordHref(settings.baseUrl(), definition.id, id) };
  if (warnings.length > 0) {
    headers['x-netsuite-propertyvalidation'] = `Unknown properties ignored: ${warnings.join(', ')}`;
    headers['x-netsuite-warning'] = `Unknown properties ignored: ${warnings.join(', ')}`;
  }
  return headers;
}

export function booleanParameter(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  if (value === null) return false;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '') return true;
  if (lower === 'false') return false;
  throw new NetSuiteHttpError(400, [
    { detail: `Invalid value '${value}' for query parameter ${name}. Use true or false.`, 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': name },
  ]);
}
