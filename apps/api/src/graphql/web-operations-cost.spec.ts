import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, validate, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDomainError, MAX_PAGE_SIZE } from '@kakehashi/kernel';
import { LIST_ESTIMATES, operationCost, QUERY_LIMITS, queryLimitsRule } from './query-limits';

/*
 * Every operation the web app sends, priced against the committed schema as the server prices
 * it: at validation (a bare `$first` at its worst, 100) and again with the largest variables the
 * app could send. The app must never meet QUERY_TOO_COSTLY for its own pages.
 */
const ROOT = join(__dirname, '../../../..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
const files = (readdirSync(join(ROOT, 'apps/web/src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.graphql'));
const definitions: DefinitionNode[] = files.flatMap((f) => parse(readFileSync(join(ROOT, 'apps/web/src', f), 'utf8')).definitions);
const fragments = Object.fromEntries(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** The operation alone with the fragments of the app, as a document the server would receive. */
const documentOf = (operation: OperationDefinitionNode) => ({ kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] }) as const;

const limitReasons = (source: string | ReturnType<typeof documentOf>) =>
  validate(schema, typeof source === 'string' ? parse(source) : source, [queryLimitsRule]).map((e) => (isDomainError(e.originalError) ? e.originalError.reason : e.message));

describe("the web app's operations fit the query limits", () => {
  it('finds the operations (the walk is not empty)', () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.map((o) => o.name?.value)).toEqual(expect.arrayContaining(['MentorSuggestions', 'PartnerSuggestions', 'PartnershipNetwork']));
  });

  it.each(operations.map((o) => [o.name!.value, o] as const))('%s passes validation and costs at most the limit with its largest variables', (_name, operation) => {
    // Unused fragments are an error of their own ("Fragment … is never used"): only the limit rule counts here.
    expect(limitReasons(documentOf(operation)).filter((r) => r !== undefined)).toEqual([]);
    const largest = Object.fromEntries((operation.variableDefinitions ?? []).filter((v) => v.variable.name.value === 'first').map((v) => [v.variable.name.value, MAX_PAGE_SIZE]));
    expect(operationCost(operation, fragments, schema, largest)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });

  it('prices mentors with their reasons and pathways in one request under the limit (it was ~33,000)', () => {
    const both = `query($key: String!, $first: Int) { mentorSuggestions(municipalityKey: $key, first: $first) {
      score municipality { key name } reasons { ...ReasonFields } mismatches { ...ReasonFields }
      pathway { stage kind titleEn detail records { type key label } } } }
      fragment ReasonFields on MatchReason { kind weight detail detailJa labelEn labelJa records { type key label } }`;
    expect(limitReasons(both)).toEqual([]);
    const parsed = parse(both);
    const cost = operationCost(parsed.definitions[0] as OperationDefinitionNode, { ReasonFields: parsed.definitions[1] as FragmentDefinitionNode }, schema, { first: MAX_PAGE_SIZE });
    expect(cost).toBeGreaterThan(5_000);
    expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });

  it('still refuses hostile shapes on the real schema: nested pages of partners of partners', () => {
    const nested = `{ municipalities(first: 100) { edges { node { partnerships { members { municipality { partnerships { key title } } } } } } } }`;
    expect(limitReasons(nested)).toEqual(['QUERY_TOO_COSTLY']);
    const suggestions = `{ partnerSuggestions(needKey: "n", first: 100) { reasons { records { key } } municipality { partnerships { members { municipality { needs { key } } } } } } }`;
    expect(limitReasons(suggestions)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('names only list fields of the schema in LIST_ESTIMATES', () => {
    for (const name of Object.keys(LIST_ESTIMATES)) {
      const [type, field] = name.split('.') as [string, string];
      const found = (schema.getType(type) as { getFields?: () => Record<string, { type: unknown }> } | undefined)?.getFields?.()[field];
      expect(found, name).toBeDefined();
      expect(String(found!.type), name).toMatch(/^\[/);
    }
  });
});
