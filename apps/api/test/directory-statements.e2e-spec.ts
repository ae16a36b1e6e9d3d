import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { QueryLog } from '@kakehashi/database';
import { insertCaseStudy, insertExpertise, insertMunicipality, insertNeed, insertPartnership } from '@kakehashi/testing';
import { startTestApi, type TestApi } from './api-harness';

/**
 * House rule (docs/architecture.md, "A request"): a directory page costs a small, fixed number of SQL statements whatever
 * its size. Every municipality below has expertise, a need, a case study and a partnership whose
 * other member is an overseas city outside the page.
 */
let api: TestApi;
const PAGE = 50;

beforeAll(async () => {
  api = await startTestApi();
  const ds = api.app.get(DataSource);
  const overseas = [];
  for (let i = 0; i < 5; i++) overseas.push(await insertMunicipality(ds, { country: 'ID', name: `Overseas ${i}` }));
  for (let i = 0; i < PAGE + 5; i++) {
    const m = await insertMunicipality(ds, { key: `jp-${String(i).padStart(3, '0')}` });
    await insertExpertise(ds, m, 'nrw.leak-detection', { level: 4 });
    await insertExpertise(ds, m, 'people.trainee-hosting', { level: 2 });
    await insertNeed(ds, m, { topics: ['network.gis-mapping', 'nrw'] });
    await insertCaseStudy(ds, { municipalityId: m.id, topics: ['nrw'] });
    await insertPartnership(ds, { topics: ['nrw.leak-detection'], members: [{ municipality: m, role: 'PROVIDER' }, { municipality: overseas[i % 5]!, role: 'RECIPIENT' }] });
  }
});
afterAll(() => api?.close());

interface Page {
  municipalities: { edges: { node: { key: string; expertise: unknown[]; needs: unknown[]; partnerships: { members: { municipality: { country: string } }[] }[] } }[] };
}

/** Statements the API issued while answering `query`. Requests run one at a time, so the count is ours. */
async function statementsFor(query: string, first: number): Promise<{ statements: number; page: Page }> {
  const before = QueryLog.statements;
  const res = await api.gql<Page>(query, { first });
  const statements = QueryLog.statements - before;
  expect(res.errors).toBeUndefined();
  return { statements, page: res.data! };
}

const DIRECTORY_PAGE = `query($first: Int = 10) { municipalities(filter: { country: "JP" }, first: $first) { totalCount edges { node {
  key expertise { level } needs { key } partnerships { key members { role municipality { key country } } } } } } }`;

const RICH_PAGE = `query($first: Int = 10) { municipalities(filter: { country: "JP" }, first: $first) { totalCount edges { node {
  key expertise { level topic { key } } needs { key topics { key } } caseStudies { key }
  partnerships { key members { role municipality { key } } } } } } }`;

describe('statements per directory page', () => {
  it('a page with expertise, needs and partnerships with their members costs the same for 10 and 50 municipalities', async () => {
    const small = await statementsFor(DIRECTORY_PAGE, 10);
    const large = await statementsFor(DIRECTORY_PAGE, PAGE);
    expect(large.page.municipalities.edges).toHaveLength(PAGE);
    for (const { node } of large.page.municipalities.edges) {
      expect(node.expertise).toHaveLength(2);
      expect(node.needs).toHaveLength(1);
      expect(node.partnerships[0]!.members.map((m) => m.municipality.country)).toEqual(['JP', 'ID']);
    }
    // page + count + expertise + needs (1: look-ahead), partnerships (1), members (1), member municipalities (1)
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(4);
  });

  it('adding topics and case studies adds one statement per relation, still fixed', async () => {
    await statementsFor(RICH_PAGE, 1); // the process reads the taxonomy at most once a minute: here
    const small = await statementsFor(RICH_PAGE, 5);
    const large = await statementsFor(RICH_PAGE, 25);
    expect(large.statements).toBe(small.statements);
    // + need topics, case studies; every topic field reads the taxonomy the process already holds
    expect(large.statements).toBe(6);
  });

  it('a page of municipalities with their expertise and needs is one statement, and reads as the loaders read them', async () => {
    const fields = `key expertise { id topicKey level evidence provenance source version topic { key } } needs { id key title description priority schemes expiresOn updatedAt lastConfirmedOn status provenance source version }`;
    const page = `query($first: Int) { municipalities(filter: { country: "JP" }, first: $first) { edges { node { ${fields} } } } }`;
    const { statements, page: data } = await statementsFor(page, PAGE);
    expect(statements).toBe(1);
    // The same records one at a time, through the relation loaders (their own statements):
    const nodes = (data as unknown as { municipalities: { edges: { node: { key: string } }[] } }).municipalities.edges.map((e) => e.node);
    for (const node of [nodes[0]!, nodes[PAGE - 1]!]) {
      const one = await api.gql<{ municipality: unknown }>(`query($k: String!) { municipality(key: $k) { ${fields} } }`, { k: node.key });
      expect(one.data!.municipality).toEqual(node);
    }
  });
});
