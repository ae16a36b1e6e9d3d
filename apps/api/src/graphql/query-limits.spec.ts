import { buildSchema, parse, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@kakehashi/kernel';
import { QUERY_LIMITS, queryLimitsRule } from './query-limits';

const schema = buildSchema(`
  type Query { municipalities(first: Int, after: String): MunicipalityConnection! topics: [Topic!]! municipality(key: String!): Municipality }
  type MunicipalityConnection { edges: [MunicipalityEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type MunicipalityEdge { cursor: String! node: Municipality! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Municipality { key: String! name: String! expertise: [Expertise!]! partners(first: Int): MunicipalityConnection! twin: Municipality }
  type Expertise { level: Int! topic: Topic! }
  type Topic { key: String! parent: Topic }
`);

function reasons(query: string): string[] {
  return validate(schema, parse(query), [queryLimitsRule]).map((e: GraphQLError) => (isDomainError(e.originalError) ? e.originalError.reason! : e.message));
}

const nest = (levels: number) => `{ municipality(key: "k") { ${'twin { '.repeat(levels - 2)}key${' }'.repeat(levels - 2)} } }`;

describe('query limits', () => {
  it('accept a depth of 8 and refuse 9 (leaves count)', () => {
    expect(reasons(nest(8))).toEqual([]);
    expect(reasons(nest(9))).toEqual(['QUERY_TOO_DEEP']);
    expect(reasons(nest(12))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('count depth through fragments, inline fragments and their type conditions', () => {
    const viaFragments = `{ municipality(key: "k") { ...A } } fragment A on Municipality { twin { ... on Municipality { twin { ...B } } } }
      fragment B on Municipality { twin { twin { twin { twin { twin { key } } } } } }`;
    expect(reasons(viaFragments)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('count aliases including aliased __typename: 15 pass, 16 do not', () => {
    const aliases = (n: number) => `{ topics { key ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} } }`;
    expect(reasons(aliases(QUERY_LIMITS.maxAliases))).toEqual([]);
    expect(reasons(aliases(QUERY_LIMITS.maxAliases + 1))).toEqual(['TOO_MANY_ALIASES']);
  });

  it('count aliases in fragments once per spread, without exponential work', () => {
    const spreads = `{ topics { ...F ...F ...F ...F } } fragment F on Topic { a: key b: key c: key d: key }`;
    expect(reasons(spreads)).toEqual(['TOO_MANY_ALIASES']);
    // 2^40 expansions if walked naively (the test would never finish, and time out); measured once
    // per fragment it answers. No wall-clock assertion: timing on a shared CPU belongs to benchmarks.
    const defs = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Topic { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(reasons(`{ topics { ...F0 } } ${defs} fragment F40 on Topic { x: key }`)).toContain('TOO_MANY_ALIASES');
  });

  it('count directives: 5 pass, 6 do not', () => {
    const dirs = (n: number) => `query($t: Boolean = true) { topics { ${Array.from({ length: n }, () => 'key @include(if: $t)').join(' ')} } }`;
    expect(reasons(dirs(5))).toEqual([]);
    expect(reasons(dirs(6))).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it('multiply cost by `first` and refuse nested pages that would resolve a million objects', () => {
    expect(reasons(`{ municipalities(first: 100) { edges { node { key expertise { level topic { key } } } } totalCount } }`)).toEqual([]);
    const bomb = `{ municipalities(first: 100) { edges { node { partners(first: 100) { edges { node { partners(first: 100) { totalCount } } } } } } } }`;
    expect(reasons(bomb)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('take the worst case for a `first` variable without default, and the default when given', () => {
    const q = (decl: string) => `query(${decl}) { municipalities(first: $n) { edges { node { partners(first: $n) { edges { node { expertise { level } } } } } } } }`;
    expect(reasons(q('$n: Int'))).toEqual(['QUERY_TOO_COSTLY']);
    expect(reasons(q('$n: Int = 5'))).toEqual([]);
  });

  it('leave introspection out of depth and cost', () => {
    expect(reasons(`{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }`)).toEqual([]);
  });
});
