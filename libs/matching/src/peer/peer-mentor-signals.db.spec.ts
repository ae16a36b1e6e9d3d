import { describe, expect, it } from 'vitest';
import type { MunicipalityEntity } from '@kakehashi/directory';
import { insertCaseStudy, insertExpertise, insertMunicipality, insertNeed, insertPartnership, uniqueKey } from '@kakehashi/testing';
import type { DataSource } from 'typeorm';
import { withMatchingHarness, type MatchingHarness } from '../../test/matching-harness';

let h: MatchingHarness;
let ds: DataSource;
withMatchingHarness((harness) => ([h, ds] = [harness, harness.db.dataSource]));

interface Scene {
  me: MunicipalityEntity;
  /** Alike in every way; `a` sorts first by key, so only a real signal puts `b` ahead. */
  a: MunicipalityEntity;
  b: MunicipalityEntity;
}

let place = 0;
/** Each scene in its own corner of the map, so nearest-neighbour searches see only its municipalities. */
async function scene(me: Partial<MunicipalityEntity>, others: Partial<MunicipalityEntity>): Promise<Scene> {
  place++;
  const lat = -60 + place * 1.7;
  const lon = -170 + place * 2.9;
  const run = uniqueKey('x').slice(2);
  const base = { kind: 'LOCAL_GOVERNMENT' as const, country: 'JP', languages: ['ja'], population: 500_000, capacity: 3 };
  return {
    me: await insertMunicipality(ds, { ...base, latitude: lat, longitude: lon, ...me }),
    a: await insertMunicipality(ds, { ...base, key: `a-${run}`, latitude: lat + 0.3, longitude: lon, ...others }),
    b: await insertMunicipality(ds, { ...base, key: `b-${run}`, latitude: lat + 0.3, longitude: lon, ...others }),
  };
}

const abroad = (country = 'VN', region = 'Asia') => insertMunicipality(ds, { kind: 'UTILITY', country, region, languages: ['en'] });
const pair = (provider: MunicipalityEntity, recipient: MunicipalityEntity, over: Parameters<typeof insertPartnership>[1] = {}) =>
  insertPartnership(ds, { status: 'COMPLETED', topics: ['treatment.operations'], members: [{ municipality: provider, role: 'PROVIDER' }, { municipality: recipient, role: 'RECIPIENT' }], ...over });

type Row = { kind: string; mismatch?: boolean; give: (s: Scene) => Promise<unknown> };

function check(list: () => (s: Scene) => Promise<{ municipality: { key: string }; reasons: { kind: string; weight: number }[]; mismatches: { kind: string; weight: number }[] }[]>, make: () => Promise<Scene>) {
  return async ({ kind, mismatch, give }: Row) => {
    const s = await make();
    await give(s);
    const out = (await list()(s)).filter((x) => x.municipality.key === s.a.key || x.municipality.key === s.b.key);
    expect(out.map((x) => x.municipality.key)).toEqual([s.b.key, s.a.key]);
    const [winner, loser] = out;
    if (mismatch) expect(loser!.mismatches.find((r) => r.kind === kind)?.weight ?? 0).toBeGreaterThan(0);
    else expect(winner!.reasons.find((r) => r.kind === kind)?.weight ?? 0).toBeGreaterThan(loser!.reasons.find((r) => r.kind === kind)?.weight ?? 0);
  };
}

describe('each peer signal moves the ranking the right way', () => {
  const peers = () => (s: Scene) => h.peers.peerSuggestions(h.ctx, s.me.key, 100);
  const rows: Row[] = [
    {
      kind: 'SHARED_CHALLENGE',
      give: async (s) => {
        await insertNeed(ds, s.me, { topics: ['nrw.metering'] });
        await insertNeed(ds, s.b, { topics: ['nrw.metering'] });
      },
    },
    {
      kind: 'COMPLEMENTARY',
      give: async (s) => {
        await insertNeed(ds, s.me, { topics: ['nrw.metering'] });
        await insertExpertise(ds, s.me, 'treatment.operations', { level: 4 });
        for (const m of [s.a, s.b]) await insertExpertise(ds, m, 'nrw.metering', { level: 4 });
        await insertNeed(ds, s.b, { topics: ['treatment.operations'] });
      },
    },
    {
      kind: 'ONE_SIDED',
      mismatch: true,
      give: async (s) => {
        await insertNeed(ds, s.me, { topics: ['nrw.metering'] });
        await insertExpertise(ds, s.me, 'treatment.operations', { level: 4 });
        for (const m of [s.a, s.b]) await insertExpertise(ds, m, 'nrw.metering', { level: 4 });
        await insertNeed(ds, s.b, { topics: ['treatment.operations'] });
      },
    },
    { kind: 'NEIGHBOUR', give: (s) => ds.query(`UPDATE municipality SET latitude = latitude - 0.25 WHERE id = $1`, [s.b.id]) },
    {
      kind: 'SHARED_PARTNER_COUNTRY',
      give: async (s) => {
        await pair(s.me, await abroad('VN'));
        await pair(s.b, await abroad('VN'));
        await pair(s.a, await abroad('KE', 'Africa'));
      },
    },
    {
      kind: 'COMMON_PARTNER',
      give: async (s) => {
        const z = await insertMunicipality(ds, { name: 'Intermediary City' });
        const y = await insertMunicipality(ds);
        await insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: s.me, role: 'PEER' }, { municipality: z, role: 'PEER' }] });
        await insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: s.b, role: 'PEER' }, { municipality: z, role: 'PEER' }] });
        await insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: s.a, role: 'PEER' }, { municipality: y, role: 'PEER' }] });
      },
    },
    { kind: 'ALREADY_PARTNERS', mismatch: true, give: (s) => insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: s.me, role: 'PEER' }, { municipality: s.a, role: 'PEER' }] }) },
  ];
  it.each(rows)('$kind', check(peers, () => scene({}, {})));

  it('names the intermediary in COMMON_PARTNER', async () => {
    const s = await scene({}, {});
    const z = await insertMunicipality(ds, { name: 'Intermediary City' });
    for (const m of [s.me, s.b]) await insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: m, role: 'PEER' }, { municipality: z, role: 'PEER' }] });
    const b = (await h.peers.peerSuggestions(h.ctx, s.me.key, 100)).find((x) => x.municipality.key === s.b.key)!;
    const reason = b.reasons.find((r) => r.kind === 'COMMON_PARTNER')!;
    expect(reason.detail).toContain('Intermediary City');
    expect(reason.records).toContainEqual(expect.objectContaining({ type: 'MUNICIPALITY', key: z.key }));
  });
});

describe('each mentor signal moves the ranking the right way', () => {
  const mentors = () => (s: Scene) => h.mentors.mentorSuggestions(h.ctx, s.me.key, 100);
  const newcomer = async (): Promise<Scene> => {
    const s = await scene({ overseasExperience: 'NONE' }, { overseasExperience: 'SOME' });
    await insertExpertise(ds, s.me, 'treatment.operations', { level: 4 });
    return s;
  };
  const rows: Row[] = [
    { kind: 'EXPERIENCE', give: (s) => ds.query(`UPDATE municipality SET overseas_experience = 'EXTENSIVE' WHERE id = $1`, [s.b.id]) },
    { kind: 'PROXIMITY', give: (s) => ds.query(`UPDATE municipality SET latitude = latitude - 0.25 WHERE id = $1`, [s.b.id]) },
    {
      kind: 'SHARED_STRENGTH',
      give: async (s) => {
        await pair(s.b, await abroad(), { topics: ['treatment.operations'] });
        await pair(s.a, await abroad(), { topics: ['resilience.flood'] });
      },
    },
    { kind: 'MENTORING', give: async (s) => pair(s.b, await insertMunicipality(ds), { status: 'ACTIVE', topics: ['cooperation.project-formation'] }) },
    {
      kind: 'KNOWLEDGE_SHARING',
      give: async (s) => insertCaseStudy(ds, { municipalityId: s.b.id, topics: ['treatment.operations'] }),
    },
    { kind: 'SIMILAR_SIZE', give: (s) => ds.query(`UPDATE municipality SET population = 50000 WHERE id = $1`, [s.a.id]) },
  ];
  it.each(rows)('$kind', check(mentors, newcomer));
});
