import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-harness';

/**
 * The limits must never refuse what the documentation teaches: every GraphQL example in README.md
 * passes depth, alias, directive, token and cost limits (it may still fail for other reasons on
 * an empty database — that is not this test's concern).
 */
const LIMIT_REASONS = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COSTLY'];

function readmeOperations(): string[] {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  // One operation starts at each line beginning in column 0 with `{`, `query` or `mutation`.
  return blocks.flatMap((block) => block.split(/\n(?=\{|query|mutation)/).map((op) => op.trim()).filter(Boolean));
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('README examples and the query limits', () => {
  it('finds the examples', () => {
    expect(readmeOperations().length).toBeGreaterThanOrEqual(5);
  });

  it('refuses none of them for shape or cost', async () => {
    const refused: string[] = [];
    for (const op of readmeOperations()) {
      const res = await api.gql(op);
      const reasons = (res.errors ?? []).map((e) => e.extensions?.reason ?? e.message);
      if (reasons.some((r) => LIMIT_REASONS.includes(r) || /more that \d+ tokens/.test(r))) refused.push(`${op.slice(0, 60)}…: ${reasons.join(', ')}`);
    }
    expect(refused).toEqual([]);
  });
});
