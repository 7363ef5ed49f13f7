/**
 * Words the demo data is made of. Deliberately mixed: apostrophes, ampersands, double quotes, accents, German
 * and Japanese names, so every surface that shows NetSuite text meets them in normal use — plus the hostile but
 * legal names listed in `hostileCustomerNames`, placed at fixed positions so tests can find them.
 */

export const firstNames = [
  'Ava', 'Liam', 'Zoë', 'Noah', 'Chloé', 'Mateo', 'Siobhán', 'Lukas', 'Amélie', 'Søren', 'Hana', 'Ravi', 'Ingrid',
  'José', 'Mia', 'Oliver', 'Fatima', 'Björn', 'Yuki', 'Elena', 'Kwame', 'Priya', 'Lucas', 'Aoife', 'Marta', 'Ethan',
  'Nora', 'Jürgen', 'Camille', 'Diego', 'Grace', 'Hiroshi', 'Isla', 'Mohammed', 'Léa', 'Tomás', 'Wei', 'Anya',
  'Felix', 'Renée',
] as const;

export const lastNames = [
  'Smith', "O'Brien", 'Müller', 'García', 'Nakamura', 'Johansson', 'Dubois', 'Rossi', 'Kowalski', "D'Angelo", 'Chen',
  'Patel', 'Novák', 'Fernández', 'Schröder', 'Okafor', 'Jensen', 'Yamamoto', 'Brown', 'Costa', 'Nguyen', 'Ivanova',
  'Hernández', 'Walsh', 'Lefèvre', 'Kim', 'Andersen', 'Moreau', 'Santos', 'Fischer', 'Murphy', 'Takahashi', 'Singh',
  'Larsen', 'Wójcik', 'Ramírez', 'Becker', "O'Neill", 'Silva', 'Åberg',
] as const;

export const companyPrefixes = [
  'Acme', 'Blue Harbor', 'Northwind', 'Summit', 'Redwood', 'Granite', 'Silverline', 'Maple & Oak', 'Orbit', 'Pioneer',
  'Crescent', 'Evergreen', 'Lakeside', 'Ironclad', 'Sunrise', 'Nordlicht', 'Kirschbaum', 'Sakura', 'Atlas', 'Beacon',
  'Cobalt', 'Driftwood', 'Falcon', 'Golden Gate', 'Highland', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nimbus',
] as const;

export const companyCores = [
  'Logistics', 'Analytics', 'Foods', 'Robotics', 'Textiles', 'Outfitters', 'Pharma', 'Media', 'Energy', 'Builders',
  'Hardware', 'Software', 'Travel', 'Furniture', 'Optics', 'Dental', 'Brewing', 'Marine', 'Aerospace', 'Ceramics',
  'Bakery', 'Security', 'Printing', 'Garden Supply', 'Consulting', 'Design', 'Motors', 'Audio', 'Labs', 'Paper',
] as const;

export const companySuffixes = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'Co.', 'Group', 'Partners', 'AG', 'B.V.', 'Pty Ltd', 'K.K.'] as const;

/** Customer names every UI must render as text, never as markup; index 0 is the XSS probe the issue names. */
export const hostileCustomerNames = [
  '<img src=x onerror=alert(1)>',
  "O'Brien & Sons",
  'Müller GmbH',
  '株式会社山田商事',
  '"Quoted" Supplies, Inc.',
  'Zoë & Chloé Boutique',
  'Smith; DROP TABLE customer;-- Ltd',
  'Back\\slash & Co.',
] as const;

export const vendorNames = [
  'Müller Präzision GmbH', '株式会社 東京精密', "O'Hara Freight", 'Nordic Steel AB', 'Smith "The Supplier" Ltd', 'Pacific Paper Co.',
  'Café Central S.à r.l.', 'Dragon Electronics Ltd', 'Granite State Packaging', 'Lumière Optics SAS', 'Kaffeerösterei Zürich AG',
  'Acme Office Supply', 'BrightSpark Utilities', 'Cloudnine Software', 'Delta Couriers', 'Evergreen Landscaping',
  'First Choice Staffing', 'Global Travel Partners', 'Harbor Insurance', 'Iron Mountain Storage',
] as const;

export const jobTitles = ['Account Executive', 'Sales Manager', 'Controller', 'AP Specialist', 'Buyer', 'Operations Lead', 'CFO', 'Office Manager'] as const;

export const productAdjectives = ['Heavy-Duty', 'Compact', 'Deluxe', 'Eco', 'Pro', 'Mini', 'Industrial', 'Wireless', 'Stainless', 'Ergonomic'] as const;

export const productNouns = [
  'Widget', 'Bracket', 'Sensor', 'Cable', 'Valve', 'Pump', 'Bearing', 'Switch', 'Monitor', 'Keyboard', 'Chair', 'Lamp',
  'Router', 'Drill', 'Filter', 'Adapter',
] as const;

export const streetNames = ['Main St', 'Market St', 'Baker Street', 'Königsallee', 'Rue de Rivoli', 'Queen St W', 'Elm Ave', 'Harbour Rd', '5th Ave', 'Calle Mayor'] as const;

/** Cities per country code, matching the subsidiaries' countries and a few overseas customers. */
export const citiesByCountry: Record<string, readonly { city: string; state?: string; zip: string }[]> = {
  US: [
    { city: 'San Francisco', state: 'CA', zip: '94105' },
    { city: 'New York', state: 'NY', zip: '10001' },
    { city: 'Austin', state: 'TX', zip: '73301' },
    { city: 'Chicago', state: 'IL', zip: '60601' },
  ],
  GB: [
    { city: 'London', zip: 'EC1A 1BB' },
    { city: 'Manchester', zip: 'M1 1AE' },
  ],
  DE: [
    { city: 'Berlin', zip: '10115' },
    { city: 'München', zip: '80331' },
    { city: 'Düsseldorf', zip: '40213' },
  ],
  CA: [
    { city: 'Toronto', state: 'ON', zip: 'M5H 2N2' },
    { city: 'Montréal', state: 'QC', zip: 'H2Y 1C6' },
  ],
  JP: [{ city: '東京', zip: '100-0001' }],
  FR: [{ city: 'Paris', zip: '75001' }],
};
