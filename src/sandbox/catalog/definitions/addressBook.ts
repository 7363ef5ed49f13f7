/**
 * The entity `addressBook` sublist. NetSuite nests the address itself in an `addressBookAddress` subrecord; the
 * sandbox flattens the subrecord's fields onto the line (one level less for forms and validation), keeping
 * NetSuite's field ids so a client that reads either shape finds the same names.
 */
import type { SublistDefinition } from '../../model/recordTypes';
import { checkbox, choice, integer, lineFields, options, text } from './fieldKit';

/** Countries the demo data uses, as NetSuite's `country` enum spells them (ISO code → name). */
export const countryOptions = options([
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland'],
  ['JP', 'Japan'],
  ['CN', 'China'],
  ['IN', 'India'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
  ['BR', 'Brazil'],
  ['MX', 'Mexico'],
  ['ZA', 'South Africa'],
  ['SG', 'Singapore'],
]);

export const addressBookSublist = (): SublistDefinition => ({
  id: 'addressBook',
  label: 'Address',
  lineKey: 'internalId',
  keyed: true,
  fields: lineFields([
    integer('internalId', 'Internal ID', { readOnly: true, column: false }),
    text('label', 'Label', { column: false }),
    checkbox('defaultBilling', 'Default Billing', { column: false }),
    checkbox('defaultShipping', 'Default Shipping', { column: false }),
    checkbox('isResidential', 'Residential Address', { column: false }),
    text('addressee', 'Addressee', { column: false }),
    text('attention', 'Attention', { column: false }),
    text('addr1', 'Address 1', { column: false }),
    text('addr2', 'Address 2', { column: false }),
    text('city', 'City', { column: false }),
    text('state', 'State/Province', { column: false }),
    text('zip', 'Zip', { column: false }),
    choice('country', 'Country', countryOptions, { column: false }),
    text('addrPhone', 'Phone', { column: false }),
    text('addrText', 'Address', { readOnly: true, column: false }),
  ]),
});
