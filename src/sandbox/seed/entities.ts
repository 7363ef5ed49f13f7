/**
 * Employees, vendors, customers and contacts. Each is a pure function of (seed, index): the profile other records
 * need (subsidiary, currency, terms, sales rep) is drawn first from the record's own generator, the rest of the
 * record after it, so a transaction can ask for customer #123's profile without building customers #0–#122.
 * Names stay unique (entity ids are unique in NetSuite) through a bijection from index to name combination.
 */
import type { StoredRecord } from '../model/recordTypes';
import type { SeedLayout } from './layout';
import { seedSubsidiaries, seedTerms, type SeedSubsidiary } from './lists';
import { SeededRandom } from './random';
import { DAY_MS, isoDate, ref, SEED_EPOCH, storedRecord } from './storedRecords';
import {
  citiesByCountry,
  companyCores,
  companyPrefixes,
  companySuffixes,
  firstNames,
  hostileCustomerNames,
  jobTitles,
  lastNames,
  streetNames,
  vendorNames,
} from './vocabulary';

export interface EntityProfile {
  id: string;
  name: string;
  isPerson: boolean;
  subsidiary: SeedSubsidiary;
  termsId: string;
  salesRepId?: string;
}

const SALES_REP_COUNT = 8;
const NAME_STRIDE = 7919; // prime, coprime with every combination count below, so index → combination is a bijection

/** The `index`-th of `combinations` distinct names, cycling with a numeric suffix once they run out. */
function nameSlot(index: number, combinations: number, seed: number): { slot: number; round: number } {
  const offset = Math.abs(seed * 104729) % combinations;
  return { slot: (index * NAME_STRIDE + offset) % combinations, round: Math.floor(index / combinations) };
}

const withRound = (name: string, round: number) => (round === 0 ? name : `${name} ${round + 1}`);

function companyName(index: number, seed: number, middle = ''): string {
  const combinations = companyPrefixes.length * companyCores.length * companySuffixes.length;
  const { slot, round } = nameSlot(index, combinations, seed);
  const prefix = companyPrefixes[slot % companyPrefixes.length];
  const core = companyCores[Math.floor(slot / companyPrefixes.length) % companyCores.length];
  const suffix = companySuffixes[Math.floor(slot / (companyPrefixes.length * companyCores.length))];
  return withRound(`${prefix} ${core}${middle} ${suffix}`, round);
}

function personName(index: number, seed: number): { firstName: string; lastName: string; entityId: string } {
  const initials = 26;
  const combinations = firstNames.length * lastNames.length * initials;
  const { slot, round } = nameSlot(index, combinations, seed);
  const firstName = firstNames[slot % firstNames.length];
  const lastName = lastNames[Math.floor(slot / firstNames.length) % lastNames.length];
  const initial = String.fromCharCode(65 + Math.floor(slot / (firstNames.length * lastNames.length)));
  return { firstName, lastName, entityId: withRound(`${firstName} ${initial}. ${lastName}`, round) };
}

/** ASCII letters and digits of a name, for e-mail addresses and web sites (`Müller GmbH` → `mullergmbh`). */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

const phonePrefix: Record<string, string> = { US: '+1 415-555-', GB: '+44 20 7946 ', DE: '+49 30 901820', CA: '+1 416-555-', JP: '+81 3-1234-', FR: '+33 1 40 20 ' };
const phoneNumber = (random: SeededRandom, country: string) => `${phonePrefix[country] ?? '+1 212-555-'}${String(random.integer(0, 9999)).padStart(4, '0')}`;

function pickSubsidiary(random: SeededRandom): SeedSubsidiary {
  const draw = random.fraction();
  return draw < 0.55 ? seedSubsidiaries[0] : seedSubsidiaries[1 + Math.floor(((draw - 0.55) / 0.45) * 3) % 3];
}

/** Creation within the four years before the epoch, last change after it (never after the epoch). */
function entityDates(random: SeededRandom): { created: number; modified: number } {
  const created = SEED_EPOCH - random.integer(3 * 365, 4 * 365) * DAY_MS - random.integer(0, 86_399) * 1000;
  const modified = Math.min(SEED_EPOCH, created + random.integer(0, 900) * DAY_MS + random.integer(0, 86_399) * 1000);
  return { created, modified };
}

function addressLine(random: SeededRandom, layout: SeedLayout, entityId: string, line: number, addressee: string, country: string, phone: string) {
  const place = random.pick(citiesByCountry[country] ?? citiesByCountry.US);
  const addr1 = `${random.integer(1, 9999)} ${random.pick(streetNames)}`;
  const addr2 = random.chance(0.25) ? `Suite ${random.integer(100, 999)}` : undefined;
  const addrText = [addressee, addr1, addr2, [place.city, place.state, place.zip].filter(Boolean).join(' '), country].filter(Boolean).join('\n');
  return {
    internalId: Number(layout.addressId(entityId, line)),
    label: line === 0 ? 'Billing' : 'Shipping',
    defaultBilling: line === 0,
    defaultShipping: false,
    isResidential: false,
    addressee,
    addr1,
    ...(addr2 ? { addr2 } : {}),
    city: place.city,
    ...(place.state ? { state: place.state } : {}),
    zip: place.zip,
    country: ref(country),
    addrPhone: phone,
    addrText,
  };
}

/** One or two address-book lines; the last one is the default shipping address. */
function addressBook(random: SeededRandom, layout: SeedLayout, entityId: string, addressee: string, country: string, phone: string) {
  const lines = [addressLine(random, layout, entityId, 0, addressee, country, phone)];
  if (random.chance(0.4)) lines.push(addressLine(random, layout, entityId, 1, addressee, country, phone));
  lines[lines.length - 1].defaultShipping = true;
  return lines;
}

// ---- employees -------------------------------------------------------------------------------------------------

const employeeNames: readonly [string, string][] = [
  ['Ava', 'Thompson'], ['Siobhán', "O'Connor"], ['José', 'Núñez'], ['Zoë', 'Ångström'], ['Marcus', 'Lee'], ['Hana', 'Suzuki'],
  ['Jürgen', 'Weiß'], ['Chloé', 'Martin'], ['Priya', 'Raman'], ['Tom', "D'Souza"], ['Ingrid', 'Halvorsen'], ['Kwame', 'Mensah'],
  ['Elena', 'Petrova'], ['Oliver', 'Grant'], ['山田', '太郎'],
];

export function employeeRecord(layout: SeedLayout, index: number): StoredRecord {
  const random = new SeededRandom(layout.seed, 'employee', index);
  const [firstName, lastName] = employeeNames[index % employeeNames.length];
  const round = Math.floor(index / employeeNames.length);
  const id = layout.employeeId(index);
  const subsidiary = index < SALES_REP_COUNT ? seedSubsidiaries[index % 4] : pickSubsidiary(random);
  const isSalesRep = index < SALES_REP_COUNT;
  return storedRecord(
    'employee',
    id,
    {
      entityId: withRound(`${firstName} ${lastName}`, round),
      firstName,
      lastName,
      email: `${asciiSlug(firstName) || 'employee'}.${asciiSlug(lastName) || id}@honeycomb.example.com`,
      phone: phoneNumber(random, subsidiary.country),
      subsidiary: ref(subsidiary.id),
      department: ref(isSalesRep ? random.pick(['1', '6']) : random.pick(['2', '3', '4', '5'])),
      location: ref(subsidiary.locationId),
      ...(index === 0 ? {} : { supervisor: ref(layout.employeeId(0)) }),
      isSalesRep,
      title: isSalesRep ? random.pick(['Account Executive', 'Sales Manager']) : random.pick(jobTitles),
      hireDate: isoDate(SEED_EPOCH - random.integer(200, 3000) * DAY_MS),
      isInactive: false,
    },
    entityDates(random),
  );
}

const salesRepId = (layout: SeedLayout, random: SeededRandom) => layout.employeeId(random.integer(0, Math.min(SALES_REP_COUNT, layout.counts.employees) - 1));

// ---- customers -------------------------------------------------------------------------------------------------

/** The customer statuses of the demo account (customerStatus is not a REST record type here). */
export const entityStatuses = [
  { id: '13', refName: 'CUSTOMER-Closed Won' },
  { id: '15', refName: 'CUSTOMER-Renewal' },
  { id: '16', refName: 'CUSTOMER-Lost Customer' },
];

export function customerProfile(layout: SeedLayout, index: number): { profile: EntityProfile; random: SeededRandom } {
  const random = new SeededRandom(layout.seed, 'customer', index);
  const isHostile = index < hostileCustomerNames.length;
  const isPerson = !isHostile && random.chance(0.3);
  const name = isHostile ? hostileCustomerNames[index] : isPerson ? personName(index, layout.seed).entityId : companyName(index, layout.seed);
  const subsidiary = pickSubsidiary(random);
  const profile: EntityProfile = {
    id: layout.customerId(index),
    name,
    isPerson,
    subsidiary,
    termsId: random.pick(seedTerms).id,
    salesRepId: salesRepId(layout, random),
  };
  return { profile, random };
}

export interface CustomerTotals {
  balance: number;
  overdueBalance: number;
  unbilledOrders: number;
}

export function customerRecord(layout: SeedLayout, index: number, totals: CustomerTotals | undefined, milestoneId: string | undefined): StoredRecord {
  const { profile, random } = customerProfile(layout, index);
  const person = profile.isPerson ? personName(index, layout.seed) : undefined;
  const country = /[\u3040-\u30ff\u4e00-\u9fff]/.test(profile.name) ? 'JP' : random.chance(0.05) ? 'FR' : profile.subsidiary.country;
  const slug = asciiSlug(profile.name) || `customer${profile.id}`;
  const phone = phoneNumber(random, country);
  const dates = entityDates(random);
  const fields: Record<string, unknown> = {
    entityId: profile.name,
    isPerson: profile.isPerson,
    ...(person ? { firstName: person.firstName, lastName: person.lastName } : { companyName: profile.name, url: `https://www.${slug}.example.com` }),
    email: person ? `${asciiSlug(person.firstName)}.${asciiSlug(person.lastName)}${profile.id}@example.com` : `accounts@${slug}.example.com`,
    phone,
    subsidiary: ref(profile.subsidiary.id),
    currency: ref(profile.subsidiary.currencyId),
    terms: ref(profile.termsId),
    salesRep: ref(profile.salesRepId!),
    // customerStatus is not a REST record here, so the stored value carries its display name.
    entityStatus: { ...random.pick(entityStatuses) },
    emailPreference: ref(random.pick(['PDF', 'HTML', 'DEFAULT'])),
    startDate: isoDate(dates.created),
    balance: totals?.balance ?? 0,
    overdueBalance: totals?.overdueBalance ?? 0,
    unbilledOrders: totals?.unbilledOrders ?? 0,
    isInactive: random.chance(0.05),
  };
  if (random.chance(0.7)) fields.creditLimit = random.pick([5000, 10000, 25000, 50000, 100000]);
  if (random.chance(0.1)) fields.comments = `Prefers "Net 30"; don't call before 10 a.m. — ${profile.subsidiary.name}`;
  if (random.chance(0.8)) fields.custentity_loyalty_tier = ref(random.integer(1, 4));
  if (random.chance(0.6)) fields.custentity_contract_renewal = isoDate(SEED_EPOCH + random.integer(-60, 365) * DAY_MS);
  if (random.chance(0.5)) fields.custentity_nps_score = random.integer(0, 10);
  if (milestoneId) fields.custentity_current_milestone = ref(milestoneId);
  const externalId = random.chance(0.5) ? `CRM-${profile.id}` : undefined;
  return storedRecord('customer', profile.id, fields, dates, { addressBook: addressBook(random, layout, profile.id, profile.name, country, phone) }, externalId);
}

/** A company customer at or after `index` (contacts and milestones belong to companies). */
export function companyCustomerNear(layout: SeedLayout, index: number): EntityProfile {
  for (let step = 0; step < 20; step++) {
    const { profile } = customerProfile(layout, (index + step) % layout.counts.customers);
    if (!profile.isPerson) return profile;
  }
  // Customer #0 is always a company (the first hostile name), so there is always one to fall back on.
  return customerProfile(layout, 0).profile;
}

// ---- contacts --------------------------------------------------------------------------------------------------

export function contactRecord(layout: SeedLayout, index: number): StoredRecord {
  const random = new SeededRandom(layout.seed, 'contact', index);
  const company = companyCustomerNear(layout, random.integer(0, layout.counts.customers - 1));
  const { firstName, lastName, entityId } = personName(index, layout.seed + 7);
  const id = layout.contactId(index);
  const subsidiary = company.subsidiary;
  return storedRecord(
    'contact',
    id,
    {
      entityId,
      firstName,
      lastName,
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}${id}@example.com`,
      phone: phoneNumber(random, subsidiary.country),
      ...(random.chance(0.4) ? { mobilePhone: phoneNumber(random, subsidiary.country) } : {}),
      title: random.pick(jobTitles),
      subsidiary: ref(subsidiary.id),
      company: ref(company.id),
      isInactive: random.chance(0.05),
    },
    entityDates(random),
  );
}

// ---- vendors ---------------------------------------------------------------------------------------------------

export function vendorProfile(layout: SeedLayout, index: number): { profile: EntityProfile; random: SeededRandom } {
  const random = new SeededRandom(layout.seed, 'vendor', index);
  const name = index < vendorNames.length ? vendorNames[index] : companyName(index, layout.seed, ' Wholesale');
  const profile: EntityProfile = { id: layout.vendorId(index), name, isPerson: false, subsidiary: pickSubsidiary(random), termsId: random.pick(seedTerms).id };
  return { profile, random };
}

export function vendorRecord(layout: SeedLayout, index: number, balance: number): StoredRecord {
  const { profile, random } = vendorProfile(layout, index);
  const slug = asciiSlug(profile.name) || `vendor${profile.id}`;
  const country = /[\u3040-\u30ff\u4e00-\u9fff]/.test(profile.name) ? 'JP' : profile.subsidiary.country;
  const phone = phoneNumber(random, country);
  return storedRecord(
    'vendor',
    profile.id,
    {
      entityId: profile.name,
      isPerson: false,
      companyName: profile.name,
      legalName: profile.name,
      email: `billing@${slug}.example.com`,
      phone,
      subsidiary: ref(profile.subsidiary.id),
      currency: ref(profile.subsidiary.currencyId),
      terms: ref(profile.termsId),
      accountNumber: `ACCT-${random.integer(10000, 99999)}`,
      creditLimit: random.pick([10000, 50000, 100000]),
      balance,
      isInactive: false,
    },
    entityDates(random),
    { addressBook: addressBook(random, layout, profile.id, profile.name, country, phone) },
    `VEND-${profile.id}`,
  );
}
