import {
  AgendaItemKind,
  CooperationScheme,
  EffectiveNeedStatus,
  MemberRole,
  MunicipalityKind,
  NeedPriority,
  OverseasExperience,
  PartnershipStatus,
  Provenance,
} from '@kakehashi/directory';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@kakehashi/kernel';
import { INTERCHANGE_FORMAT } from '../document';

/*
 * The JSON Schema (draft-07, for ajv) of a kakehashi/v1 document. Shape, types, enums and ranges
 * live here; what needs the whole document or the database (unique keys, references, topics)
 * lives in semantic-checks.ts. Limits mirror the columns of the initial migration, so a valid
 * document can never fail on a database constraint halfway through an import.
 */

const INT32_MAX = 2_147_483_647;
/** Free text (descriptions, evidence, summaries): generous, but bounded. */
const TEXT_MAX = 20_000;
const SOURCE_MAX = 2_000;

/** BCP 47-ish language tag: `ja`, `en`, `pt-BR`. */
export const LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

type Schema = Record<string, unknown>;

const text = (maxLength: number): Schema => ({ type: 'string', minLength: 1, maxLength });
const optionalText = (maxLength: number): Schema => ({ type: ['string', 'null'], minLength: 1, maxLength });
const oneOf = (values: object): Schema => ({ type: 'string', enum: Object.values(values) });
const optionalOneOf = (values: object): Schema => ({ type: ['string', 'null'], enum: [...Object.values(values), null] });
const optionalInteger = (minimum: number, maximum: number): Schema => ({ type: ['integer', 'null'], minimum, maximum });
const optionalNumber = (minimum?: number, maximum?: number): Schema => ({ type: ['number', 'null'], ...(minimum === undefined ? {} : { minimum, maximum }) });
const list = (items: Schema, maxItems: number): Schema => ({ type: 'array', maxItems, items });
const record = (required: string[], properties: Schema): Schema => ({ type: 'object', additionalProperties: false, required, properties });

const slug: Schema = { type: 'string', maxLength: SLUG_MAX_LENGTH, pattern: SLUG_PATTERN.source };
/** A reference to another record's key: whether it exists is a semantic check. */
const reference: Schema = text(SLUG_MAX_LENGTH);
const optionalReference: Schema = optionalText(SLUG_MAX_LENGTH);
const topics: Schema = list(text(SLUG_MAX_LENGTH), 50);
const date: Schema = { type: ['string', 'null'], format: 'date' };
const sourced: Schema = { provenance: optionalOneOf(Provenance), source: optionalText(SOURCE_MAX) };
/** ADR 8: when a person last confirmed the record (not after the import's day: a semantic check). */
const confirmed: Schema = { lastConfirmedOn: date };

const municipality = record(['key', 'name', 'kind', 'country'], {
  key: slug,
  name: text(200),
  nameJa: optionalText(200),
  kind: oneOf(MunicipalityKind),
  country: { type: 'string', format: 'country' },
  region: optionalText(100),
  subdivision: optionalText(100),
  population: optionalInteger(0, INT32_MAX),
  latitude: optionalNumber(-90, 90),
  longitude: optionalNumber(-180, 180),
  organization: optionalText(300),
  languages: list({ type: 'string', pattern: LANGUAGE_PATTERN, maxLength: 35 }, 20),
  capacity: optionalInteger(0, 1000),
  overseasExperience: optionalOneOf(OverseasExperience),
  website: { type: ['string', 'null'], maxLength: 500, format: 'url' },
  contactEmail: { type: ['string', 'null'], maxLength: 320, format: 'email' },
  ...sourced,
  ...confirmed,
});

const expertise = record(['municipality', 'topic', 'level'], {
  municipality: reference,
  topic: reference,
  level: { type: 'integer', minimum: 1, maximum: 5 },
  evidence: optionalText(TEXT_MAX),
  ...sourced,
});

const need = record(['key', 'municipality', 'title'], {
  key: slug,
  municipality: reference,
  title: text(300),
  description: optionalText(TEXT_MAX),
  topics,
  priority: optionalOneOf(NeedPriority),
  status: optionalOneOf(EffectiveNeedStatus),
  schemes: list(oneOf(CooperationScheme), 20),
  expiresOn: date,
  ...sourced,
  ...confirmed,
});

const year = optionalInteger(1900, 2200);
const partnership = record(['key', 'title'], {
  key: slug,
  title: text(300),
  scheme: optionalOneOf(CooperationScheme),
  status: optionalOneOf(PartnershipStatus),
  startYear: year,
  endYear: year,
  topics,
  summary: optionalText(TEXT_MAX),
  members: list(record(['municipality', 'role'], { municipality: reference, role: oneOf(MemberRole) }), 100),
  outcomes: list(
    record(['indicator'], { indicator: text(100), before: optionalNumber(), after: optionalNumber(), note: optionalText(TEXT_MAX) }),
    100,
  ),
  ...sourced,
  ...confirmed,
});

const caseStudy = record(['key', 'title'], {
  key: slug,
  title: text(300),
  municipality: optionalReference,
  topics,
  summary: optionalText(TEXT_MAX),
  lessons: list(text(TEXT_MAX), 100),
  event: optionalReference,
  ...sourced,
});

const event = record(['key', 'title'], {
  key: slug,
  title: text(300),
  date,
  location: optionalText(300),
  participants: optionalInteger(0, INT32_MAX),
  agenda: {
    type: ['array', 'null'],
    maxItems: 100,
    items: record(['kind', 'title'], { kind: oneOf(AgendaItemKind), title: text(300), municipalities: list(reference, 50), topics: list(text(SLUG_MAX_LENGTH), 20) }),
  },
  ...sourced,
});

export const DOCUMENT_SCHEMA: Schema = record(['format'], {
  format: { const: INTERCHANGE_FORMAT },
  municipalities: { type: 'array', items: municipality },
  expertise: { type: 'array', items: expertise },
  needs: { type: 'array', items: need },
  partnerships: { type: 'array', items: partnership },
  caseStudies: { type: 'array', items: caseStudy },
  events: { type: 'array', items: event },
});
