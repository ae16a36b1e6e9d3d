import { INTERCHANGE_FORMAT, SECTIONS } from '../document';

/*
 * The JSON Schema (draft-07, for ajv) of a kakehashi/v1 document's top level: its format and its
 * sections. Each record of a section is checked against the directory's one rule set
 * (RECORD_RULES in @kakehashi/kernel), the same rules the GraphQL API applies; what needs the whole
 * document or the database (unique keys, references, topics) lives in semantic-checks.ts.
 */
export const DOCUMENT_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: {
    format: { const: INTERCHANGE_FORMAT },
    ...Object.fromEntries(SECTIONS.map((s) => [s, { type: 'array' }])),
  },
};
