import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';

/**
 * README.md teaches by example: every query it shows, and its login, must work as written against
 * the sample directory — a renamed field or argument fails here before it fails a reader.
 */
function readmeOperations(): string[] {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) => block.split(/\n(?=\{|query|mutation)/).map((op) => op.trim()).filter(Boolean));
}

/** An example whose first line says so runs as the documented demo coordinator. */
const AS_COORDINATOR = /^\s*# as a coordinator/m;

let api: TestApi;
let coordinator: string;
beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
  const res = await api.gql<{ login: { accessToken: string } }>('mutation { login(input: { email: "coordinator@demo.kakehashi.example", password: "jica-demo-coordinator" }) { accessToken } }');
  coordinator = res.data!.login.accessToken;
});
afterAll(() => api?.close());

describe('README examples against the sample directory', () => {
  const operations = readmeOperations();

  it('every query answers without errors, with data', async () => {
    const queries = operations.filter((op) => !op.startsWith('mutation'));
    expect(queries.length).toBeGreaterThanOrEqual(5);
    for (const op of queries) {
      const res = await api.gql(op, {}, AS_COORDINATOR.test(op) ? coordinator : undefined);
      expect(res.errors, op).toBeUndefined();
      expect(Object.values(res.data ?? {}).every((v) => v !== null), op).toBe(true);
    }
  });

  it('the login and the editor’s change work with the documented demo account', async () => {
    const [login, change] = operations.filter((op) => op.startsWith('mutation'));
    const session = await api.gql<{ login: { accessToken: string } }>(login!);
    expect(session.errors).toBeUndefined();
    const res = await api.gql(change!, {}, session.data!.login.accessToken);
    expect(res.errors).toBeUndefined();
  });

  it('the search examples find what the README promises', async () => {
    const hits = async (text: string) => (await api.gql<{ search: { key: string }[] }>(`query($t: String!) { search(text: $t) { key } }`, { t: text })).data!.search.map((h) => h.key);
    expect((await hits('川崎'))[0]).toBe('kawasaki');
    expect((await hits('makasar'))[0]).toBe('makassar');
    expect(await hits('leakage')).toContain('makassar-leakage');
  });

  it('Makassar’s leakage need suggests Kawasaki near the top, with reasons', async () => {
    const res = await api.gql<{ partnerSuggestions: { municipality: { key: string }; reasons: { kind: string }[] }[] }>(
      `{ partnerSuggestions(needKey: "makassar-leakage", first: 5) { municipality { key } reasons { kind } } }`,
    );
    const keys = res.data!.partnerSuggestions.map((s) => s.municipality.key);
    expect(keys.slice(0, 3)).toContain('kawasaki');
    expect(res.data!.partnerSuggestions.find((s) => s.municipality.key === 'kawasaki')!.reasons.map((r) => r.kind)).toContain('PRIOR_PARTNER');
  });
});
