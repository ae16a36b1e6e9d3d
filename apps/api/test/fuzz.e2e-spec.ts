import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseStudy, insertEvent, insertExpertise, insertMunicipality, insertNeed, insertPartnership } from '@kakehashi/testing';
import { TEST_ADMIN_TOKEN, startTestApi, type TestApi } from './api-harness';

/**
 * Property: whatever a client sends as arguments of any operation — well-formed, malformed,
 * hostile — the API answers with a 4xx or a 200 whose errors carry only the client-facing codes
 * of the contract. INTERNAL_SERVER_ERROR (an unhandled failure: a database constraint, a crash)
 * or any 5xx is a bug. Operations run as the administrator so they get past the policy and into
 * the services; the matrix covers who may call what.
 */
const RUNS = 300;
/** FUZZ_SEED=<n> replays a reported failure; otherwise every run explores new inputs. */
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'RATE_LIMITED']);
const KNOWN_KEYS = ['fz-kawasaki', 'fz-makassar', 'fz-need', 'fz-partnership', 'fz-case', 'fz-event', 'nrw', 'nrw.leak-detection', 'people'];

let api: TestApi;

// Duck-typed views of Nest's schema objects (two copies of graphql-js: no helpers across them).
interface ArgLike {
  name: string;
  type: unknown;
}
interface FieldLike {
  name: string;
  type: unknown;
  args: readonly ArgLike[];
}
interface NamedLike {
  name: string;
  getFields?: () => Record<string, { name: string; type: unknown }>;
  getValues?: () => { name: string }[];
}
let schemaType: (name: string) => NamedLike;

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', "'; DROP TABLE municipality; --", '%', '_', '\\', '日本語の水道局', '🚰'.repeat(50), 'a'.repeat(5000), 'x@y.z', '1999-02-30', '2024-01-01', 'NaN') },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.uuid() },
);
const int = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.integer(), fc.constantFrom(0, 1, 100, 101, 1900, 2200, 2201, -1, 2 ** 31 - 1, -(2 ** 31)));
const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 10 }), fc.constant({}), fc.constant([]), fc.double());

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return int;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-90.1, 90, 180.5, 1e308, -0));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text);
    default:
      return text; // String, ID, custom scalars
  }
}

/** An arbitrary value for a GraphQL input type written as a string (`[String!]!`), mostly valid, sometimes not. */
function valueFor(typeString: string, depth = 0): fc.Arbitrary<unknown> {
  if (typeString.endsWith('!')) return fc.oneof({ weight: 19, arbitrary: valueFor(typeString.slice(0, -1), depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const wellTyped = (): fc.Arbitrary<unknown> => {
    if (typeString.startsWith('[')) {
      const item = valueFor(typeString.slice(1, -1), depth + 1);
      return fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 20, maxLength: 120 }) }, { weight: 1, arbitrary: item });
    }
    const named = schemaType(typeString);
    if (named.getValues) {
      const values = named.getValues().map((v) => v.name);
      return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', values[0]!.toLowerCase()) });
    }
    if (named.getFields) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(named.getFields());
      const model = Object.fromEntries(fields.map((f) => [f.name, valueFor(String(f.type), depth + 1)]));
      const required = fields.filter((f) => String(f.type).endsWith('!')).map((f) => f.name);
      const record = fc.record(model, { requiredKeys: required });
      return fc.oneof({ weight: 9, arbitrary: record }, { weight: 1, arbitrary: record.map((r) => ({ ...r, notAField: 1 })) });
    }
    return scalar(named.name);
  };
  return fc.oneof({ weight: 19, arbitrary: wellTyped() }, { weight: 1, arbitrary: wrongType });
}

/** A document calling `field` with every argument as a variable, selecting only __typename. */
function operationFor(kind: 'query' | 'mutation', field: FieldLike): { document: string; variables: fc.Arbitrary<Record<string, unknown>> } {
  const decls = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = schemaType(String(field.type).replace(/[[\]!]/g, ''));
  const selection = named.getFields ? ' { __typename }' : '';
  const document = `${kind}${decls ? `(${decls})` : ''} { ${field.name}${call}${selection} }`;
  const model = Object.fromEntries(field.args.map((a) => [a.name, valueFor(String(a.type))]));
  return { document, variables: fc.record(model, { requiredKeys: [] }) };
}

interface Outcome {
  status: number;
  codes: string[];
  body: string;
}

async function send(document: string, variables: Record<string, unknown>): Promise<Outcome> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = await res.text();
  const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, codes: (parsed.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE'), body };
}

let fields: { kind: 'query' | 'mutation'; field: FieldLike }[] = [];

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '1000000' });
  const schema = api.app.get(GraphQLSchemaHost).schema;
  schemaType = (name) => schema.getType(name) as unknown as NamedLike;
  const ds = api.app.get(DataSource);
  const kawasaki = await insertMunicipality(ds, { key: 'fz-kawasaki' });
  const makassar = await insertMunicipality(ds, { key: 'fz-makassar', country: 'ID' });
  await insertExpertise(ds, kawasaki, 'nrw.leak-detection');
  await insertNeed(ds, makassar, { key: 'fz-need', topics: ['nrw.leak-detection'] });
  await insertPartnership(ds, { key: 'fz-partnership', members: [{ municipality: kawasaki }, { municipality: makassar }] });
  const event = await insertEvent(ds, { key: 'fz-event' });
  await insertCaseStudy(ds, { key: 'fz-case', municipalityId: kawasaki.id, eventId: event.id });
  const pick = (t: { getFields(): Record<string, unknown> } | null | undefined) => Object.values(t?.getFields() ?? {}) as unknown as FieldLike[];
  fields = [
    ...pick(schema.getMutationType()).map((field) => ({ kind: 'mutation' as const, field })),
    ...pick(schema.getQueryType())
      .filter((f) => f.args.length > 0)
      .map((field) => ({ kind: 'query' as const, field })),
  ];
}, 120_000);
afterAll(() => api?.close());

describe(`fuzzing every operation's arguments (${RUNS} runs each)`, () => {
  it('covers every mutation and every query with arguments', () => {
    expect(fields.filter((f) => f.kind === 'mutation').length).toBeGreaterThanOrEqual(20);
    expect(fields.map((f) => f.field.name)).toEqual(expect.arrayContaining(['municipalities', 'needs', 'partnerships', 'search', 'auditLog', 'accounts', 'login', 'createNeed']));
  });

  it('answers every input with a 4xx or client-coded errors, never a 5xx or INTERNAL_SERVER_ERROR', async () => {
    const failures: string[] = [];
    let requests = 0;
    const fuzz = async ({ kind, field }: (typeof fields)[number]): Promise<void> => {
      const { document, variables } = operationFor(kind, field);
      try {
        await fc.assert(
          fc.asyncProperty(variables, async (vars) => {
            requests++;
            const out = await send(document, vars);
            const bad = out.status >= 500 || out.codes.some((c) => !CLIENT_CODES.has(c)) || (out.status >= 400 && out.codes.length === 0);
            if (bad) throw new Error(`${out.status} ${out.body.slice(0, 300)}`);
          }),
          { numRuns: RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
        );
      } catch (e) {
        failures.push(`${kind} ${field.name}: ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`);
      }
    };
    // A few operations at a time: the server and PostgreSQL overlap their waits.
    const queue = [...fields];
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await fuzz(next);
    }));
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(RUNS * fields.length);
  }, 600_000);
});
