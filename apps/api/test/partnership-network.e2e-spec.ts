import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { PartnershipNetworkService } from '@kakehashi/directory';
import { createRequestContext } from '@kakehashi/kernel';
import { insertExpertise, insertMunicipality, insertPartnership } from '@kakehashi/testing';
import { startTestApi, type TestApi } from './api-harness';

let api: TestApi;

const NETWORK = `{ partnershipNetwork {
  truncated
  places { key name nameJa kind country latitude longitude provenance topics }
  partnerships { key title scheme status provenance topics members }
} }`;

beforeAll(async () => {
  api = await startTestApi();
  const ds = api.app.get(DataSource);
  const kawasaki = await insertMunicipality(ds, { key: 'kawasaki', name: 'Kawasaki City', nameJa: '川崎市', latitude: 35.53, longitude: 139.7, contactEmail: 'intl@example.org', provenance: 'DOCUMENTED', source: 'JICA' });
  const makassar = await insertMunicipality(ds, { key: 'makassar', name: 'Makassar', kind: 'UTILITY', country: 'ID', latitude: -5.14, longitude: 119.42 });
  const lusaka = await insertMunicipality(ds, { key: 'lusaka', name: 'Lusaka', country: 'ZM', latitude: -15.4, longitude: 28.3 });
  await insertMunicipality(ds, { key: 'asahikawa', name: 'Asahikawa City', latitude: null, longitude: null });
  await insertExpertise(ds, kawasaki, 'people.trainee-hosting', { level: 3 });
  await insertExpertise(ds, kawasaki, 'nrw.leak-detection', { level: 5 });
  await insertPartnership(ds, {
    key: 'kawasaki-makassar',
    title: 'Leakage in Makassar',
    scheme: 'JICA_GRASSROOTS',
    status: 'COMPLETED',
    topics: ['nrw.leak-detection', 'people'],
    members: [{ municipality: kawasaki, role: 'PROVIDER' }, { municipality: makassar, role: 'RECIPIENT' }],
  });
  await insertPartnership(ds, {
    key: 'kawasaki-lusaka-makassar',
    title: 'Three-way exchange',
    scheme: null,
    status: 'PROPOSED',
    members: [{ municipality: lusaka, role: 'PROVIDER' }, { municipality: kawasaki, role: 'PROVIDER' }, { municipality: makassar, role: 'RECIPIENT' }],
  });
});
afterAll(() => api?.close());

describe('partnershipNetwork: the map and the network in one public query', () => {
  it('answers anyone with every place (coordinates, expertise strongest first) and every partnership with its members in order', async () => {
    const res = await api.gql<{ partnershipNetwork: { truncated: boolean; places: Record<string, unknown>[]; partnerships: Record<string, unknown>[] } }>(NETWORK);
    expect(res.errors).toBeUndefined();
    const { places, partnerships, truncated } = res.data!.partnershipNetwork;
    expect(truncated).toBe(false);
    expect(places.map((p) => p.key)).toEqual(['asahikawa', 'kawasaki', 'lusaka', 'makassar']);
    expect(places[1]).toEqual({
      key: 'kawasaki',
      name: 'Kawasaki City',
      nameJa: '川崎市',
      kind: 'LOCAL_GOVERNMENT',
      country: 'JP',
      latitude: 35.53,
      longitude: 139.7,
      provenance: 'DOCUMENTED',
      topics: ['nrw.leak-detection', 'people.trainee-hosting'],
    });
    expect(places[0]).toMatchObject({ key: 'asahikawa', latitude: null, longitude: null, topics: [] });
    expect(partnerships).toEqual([
      { key: 'kawasaki-lusaka-makassar', title: 'Three-way exchange', scheme: null, status: 'PROPOSED', provenance: null, topics: [], members: ['lusaka', 'kawasaki', 'makassar'] },
      { key: 'kawasaki-makassar', title: 'Leakage in Makassar', scheme: 'JICA_GRASSROOTS', status: 'COMPLETED', provenance: null, topics: ['nrw.leak-detection', 'people'], members: ['kawasaki', 'makassar'] },
    ]);
  });

  it('carries no contact details: a place has no such field', async () => {
    const res = await api.gql('{ partnershipNetwork { places { key contactEmail } } }');
    expect(res.status).toBe(400);
    expect(res.errors![0]!.message).toMatch(/Cannot query field "contactEmail" on type "NetworkPlace"/);
  });

  it('is bounded: past its limits it cuts the answer, says so, and leaves no edge to a place it left out', async () => {
    const service = api.app.get(PartnershipNetworkService);
    const cut = await service.network(createRequestContext(), { places: 2, partnerships: 1 });
    expect(cut.truncated).toBe(true);
    expect(cut.places.map((p) => p.key)).toEqual(['asahikawa', 'kawasaki']);
    expect(cut.partnerships).toEqual([expect.objectContaining({ key: 'kawasaki-lusaka-makassar', members: ['kawasaki'] })]);
    const whole = await service.network(createRequestContext(), { places: 4, partnerships: 2 });
    expect(whole.truncated).toBe(false);
  });
});
