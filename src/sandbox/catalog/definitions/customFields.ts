/**
 * The demo account's customisations: custom entity fields on customers and one custom record type, as an account
 * administrator would have created them. They exercise what standard fields do not: `x-ns-custom-field`, script
 * ids as field ids, and a reference to a custom record.
 */
import type { RecordTypeDefinition } from '../../model/recordTypes';
import { choice, date, datetime, externalId, inactive, integer, internalId, money, options, percent, reference, text } from './fieldKit';

export const loyaltyTierOptions = options([
  ['1', 'Bronze'],
  ['2', 'Silver'],
  ['3', 'Gold'],
  ['4', 'Platinum'],
]);

export const customerCustomFields = () => [
  choice('custentity_loyalty_tier', 'Loyalty Tier', loyaltyTierOptions),
  date('custentity_contract_renewal', 'Contract Renewal Date'),
  integer('custentity_nps_score', 'NPS Score'),
  reference('custentity_current_milestone', 'Current Milestone', 'customrecord_project_milestone'),
];

export const milestoneStatusOptions = options([
  ['1', 'Not Started'],
  ['2', 'In Progress'],
  ['3', 'Completed'],
  ['4', 'On Hold'],
]);

export const projectMilestoneDefinition: RecordTypeDefinition = {
  id: 'customrecord_project_milestone',
  label: 'Project Milestone',
  family: 'custom',
  suiteqlTable: 'customrecord_project_milestone',
  nameField: 'name',
  uiPath: '/app/common/custom/custrecordentry.nl',
  customRecordTypeInternalId: '118',
  fields: [
    internalId(),
    externalId(),
    text('name', 'Name', { required: true, maxLength: 300 }),
    reference('owner', 'Owner', 'employee', { readOnly: true }),
    inactive(),
    datetime('created', 'Date Created', { readOnly: true }),
    datetime('lastModified', 'Last Modified', { readOnly: true }),
    reference('custrecord_pm_customer', 'Customer', 'customer', { required: true }),
    choice('custrecord_pm_status', 'Status', milestoneStatusOptions),
    date('custrecord_pm_due_date', 'Due Date'),
    money('custrecord_pm_budget', 'Budget'),
    percent('custrecord_pm_percent_complete', 'Percent Complete'),
    text('custrecord_pm_notes', 'Notes', { filterable: false }),
  ],
  sublists: [],
};
