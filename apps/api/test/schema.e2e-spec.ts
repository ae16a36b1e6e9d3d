import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaSdl, printSortedSchema } from '../src/graphql/schema-sdl';
import { startTestApi, type TestApi } from './api-harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
});
afterAll(() => api?.close());

describe('schema.graphql', () => {
  it('is the schema the running server serves (regenerate with `npm run schema`)', () => {
    const served = printSortedSchema(api.app.get(GraphQLSchemaHost).schema);
    const committed = readFileSync('schema.graphql', 'utf8');
    expect(committed === served, 'schema.graphql is out of date: run `npm run schema` and commit it').toBe(true);
  });

  it('is what `npm run schema` generates without a database', async () => {
    const served = printSortedSchema(api.app.get(GraphQLSchemaHost).schema);
    expect(await buildSchemaSdl()).toBe(served);
  });
});

describe('municipalityFacets', () => {
  it('counts the directory’s countries and regions, most common first', async () => {
    const res = await api.gql<{ municipalityFacets: { countries: { value: string; count: number }[]; regions: { value: string; count: number }[] } }>(
      '{ municipalityFacets { countries { value count } regions { value count } } municipalities(filter: { country: "ID" }, first: 1) { totalCount } }',
    );
    expect(res.errors).toBeUndefined();
    const { countries, regions } = res.data!.municipalityFacets;
    expect(countries[0]!.value).toBe('JP');
    const counts = countries.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const indonesia = countries.find((c) => c.value === 'ID')!;
    expect(indonesia.count).toBe((res.data as unknown as { municipalities: { totalCount: number } }).municipalities.totalCount);
    expect(countries.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(50);
    expect(regions.map((r) => r.value)).toContain('Kanto');
  });
});
