/** JSON Schema pieces every tool's input shares, written once so the tools describe them identically. */

export const accountProperty = {
  type: 'string',
  pattern: '^[A-Za-z0-9]+([_-]([Ss][Bb][0-9]+|[Rr][Pp]))?$',
  description: 'NetSuite account id, e.g. 1234567_SB1 (sandbox), 1234567_RP (release preview) or 1234567 (production).',
} as const;

export const recordTypeProperty = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_]*$',
  maxLength: 100,
  description: "REST record type id as the metadata catalog lists it, e.g. 'customer', 'salesOrder', 'customrecord_project'.",
} as const;

export const recordIdProperty = {
  type: 'string',
  pattern: '^[0-9]+$',
  maxLength: 20,
  description: "The record's internal id, e.g. '456'.",
} as const;

export const fieldValuesProperty = {
  type: 'object',
  minProperties: 1,
  description:
    "Body fields as NetSuite's REST API takes them: field id → value; references as {\"id\": \"12\"}; sublists as {\"items\": [...]}.",
} as const;

/** Page-size and offset properties; `maxLimit` caps rows per call so one answer stays small. */
export function pagingProperties(defaultLimit: number, maxLimit: number) {
  return {
    limit: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit, description: `Rows per call (at most ${maxLimit}).` },
    offset: {
      type: 'integer',
      minimum: 0,
      default: 0,
      description: 'Rows to skip; must be a multiple of limit (NetSuite pages in whole pages). Use nextOffset from the previous answer.',
    },
  } as const;
}

export function offsetProblem(input: { limit: number; offset: number }): string | undefined {
  return input.offset % input.limit === 0
    ? undefined
    : `offset ${input.offset} must be a multiple of limit ${input.limit} (NetSuite pages in whole pages)`;
}

/** A tool's input: an object with exactly these properties, refusing unknown ones so typos fail loudly. */
export function inputObject(required: readonly string[], properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, required: [...required], properties };
}
