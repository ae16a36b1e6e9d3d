import { describe, expect, it } from 'vitest';
import type { MunicipalityEntity, NeedEntity } from '@kakehashi/directory';
import { insertExpertise, insertMunicipality, insertNeed, insertPartnership, uniqueKey } from '@kakehashi/testing';
import type { DataSource } from 'typeorm';
import { withMatchingHarness, type MatchingHarness } from '../../test/matching-harness';

let h: MatchingHarness;
let ds: DataSource;
withMatchingHarness((harness) => ([h, ds] = [harness, harness.db.dataSource]));

const LEAK = 'nrw.leak-detection';
const JP = { kind: 'LOCAL_GOVERNMENT' as const, country: 'JP', region: 'Kanto', languages: ['ja', 'en'], population: 1_400_000, capacity: 3, latitude: 35.5, longitude: 139.7 };

interface Scene {
  recipient: MunicipalityEntity;
  need: NeedEntity;
  /** Two candidates alike in every way; `a` sorts first by key, so only a real signal puts `b` ahead. */
  a: MunicipalityEntity;
  b: MunicipalityEntity;
}

async function scene(over: { recipient?: Partial<MunicipalityEntity>; description?: string; topics?: string[]; schemes?: NeedEntity['schemes'] } = {}): Promise<Scene> {
  const recipient = await insertMunicipality(ds, { kind: 'UTILITY', country: 'ID', region: 'Asia', languages: ['id', 'en'], population: 1_400_000, ...over.recipient });
  const need = await insertNeed(ds, recipient, {
    title: 'Reduce leakage',
    description: over.description ?? null,
    topics: over.topics ?? [LEAK],
    schemes: over.schemes ?? ['JICA_GRASSROOTS'],
  });
  const run = uniqueKey('x').slice(2);
  const a = await insertMunicipality(ds, { ...JP, key: `a-${run}` });
  const b = await insertMunicipality(ds, { ...JP, key: `b-${run}` });
  for (const m of [a, b]) await insertExpertise(ds, m, LEAK, { level: 3 });
  return { recipient, need, a, b };
}

async function order(s: Scene): Promise<string[]> {
  const list = await h.partners.partnerSuggestions(h.ctx, s.need.key, 100);
  return list.map((x) => x.municipality.key).filter((k) => k === s.a.key || k === s.b.key);
}

async function reasonsOf(s: Scene, key: string) {
  const list = await h.partners.partnerSuggestions(h.ctx, s.need.key, 100);
  return list.find((x) => x.municipality.key === key)!;
}

const partnerIn = (country: string, region = 'Asia') => insertMunicipality(ds, { kind: 'UTILITY', country, region, languages: ['en'] });

describe('each partner signal moves the ranking the right way', () => {
  it('control: alike candidates tie and break by key', async () => {
    const s = await scene();
    expect(await order(s)).toEqual([s.a.key, s.b.key]);
    const [x, y] = [await reasonsOf(s, s.a.key), await reasonsOf(s, s.b.key)];
    expect(x.score).toBe(y.score);
  });

  const rows: { kind: string; mismatch?: boolean; scene?: Parameters<typeof scene>[0]; give: (s: Scene) => Promise<unknown> }[] = [
    { kind: 'TOPIC_FIT', give: (s) => ds.query(`UPDATE expertise SET level = 5 WHERE municipality_id = $1`, [s.b.id]) },
    {
      kind: 'EVIDENCE',
      give: async (s) => insertPartnership(ds, { status: 'COMPLETED', topics: [LEAK], members: [{ municipality: s.b, role: 'PROVIDER' }, { municipality: await partnerIn('KE', 'Africa'), role: 'RECIPIENT' }] }),
    },
    {
      kind: 'TEXT_FIT',
      scene: { description: 'We need acoustic correlators and ground microphones for night surveys.' },
      give: (s) => ds.query(`UPDATE expertise SET evidence = 'Leak teams use acoustic correlators and ground microphones' WHERE municipality_id = $1`, [s.b.id]),
    },
    {
      kind: 'PRIOR_PARTNER',
      give: async (s) => {
        const other = await partnerIn('ID');
        await insertPartnership(ds, { status: 'COMPLETED', topics: ['treatment.operations'], members: [{ municipality: s.a, role: 'PROVIDER' }, { municipality: other, role: 'RECIPIENT' }] });
        await insertPartnership(ds, { status: 'COMPLETED', topics: ['treatment.operations'], members: [{ municipality: s.b, role: 'PROVIDER' }, { municipality: s.recipient, role: 'RECIPIENT' }] });
      },
    },
    {
      kind: 'COUNTRY_EXPERIENCE',
      give: async (s) => {
        await insertPartnership(ds, { status: 'COMPLETED', topics: ['treatment.operations'], members: [{ municipality: s.a, role: 'PROVIDER' }, { municipality: await partnerIn('KE', 'Africa'), role: 'RECIPIENT' }] });
        await insertPartnership(ds, { status: 'COMPLETED', topics: ['treatment.operations'], members: [{ municipality: s.b, role: 'PROVIDER' }, { municipality: await partnerIn('ID'), role: 'RECIPIENT' }] });
      },
    },
    {
      kind: 'SCHEME_FIT',
      give: async (s) => {
        const ke = await partnerIn('KE', 'Africa');
        await insertPartnership(ds, { status: 'COMPLETED', scheme: 'OTHER', topics: ['treatment.operations'], members: [{ municipality: s.a, role: 'PROVIDER' }, { municipality: ke, role: 'RECIPIENT' }] });
        await insertPartnership(ds, { status: 'COMPLETED', scheme: 'JICA_GRASSROOTS', topics: ['treatment.operations'], members: [{ municipality: s.b, role: 'PROVIDER' }, { municipality: ke, role: 'RECIPIENT' }] });
      },
    },
    { kind: 'LANGUAGE', give: (s) => ds.query(`UPDATE municipality SET languages = '{ja}' WHERE id = $1`, [s.a.id]) },
    { kind: 'SIMILAR_SIZE', give: (s) => ds.query(`UPDATE municipality SET population = 140000 WHERE id = $1`, [s.a.id]) },
    {
      kind: 'SIMILAR_SETTING',
      scene: { description: 'Supply to small islands where leaks go unnoticed.' },
      give: (s) => ds.query(`UPDATE expertise SET evidence = '離島の配水管で漏水調査' WHERE municipality_id = $1`, [s.b.id]),
    },
    {
      kind: 'PROXIMITY',
      scene: { recipient: { kind: 'LOCAL_GOVERNMENT', country: 'JP', region: 'Kyushu', languages: ['ja'], latitude: 33.3, longitude: 130.5 }, schemes: [] },
      give: (s) => ds.query(`UPDATE municipality SET latitude = 33.6, longitude = 130.4 WHERE id = $1`, [s.b.id]),
    },
    {
      kind: 'RESPONSIVE',
      give: async (s) => {
        const asker = await partnerIn('KE', 'Africa');
        for (let i = 0; i < 2; i++) await ds.query(`INSERT INTO introduction (list, requester_id, candidate_id, status, requested_by) VALUES ('PEER', $1, $2, 'ACCEPTED', 'x')`, [asker.id, s.b.id]);
      },
    },
    {
      kind: 'CAPACITY',
      mismatch: true,
      give: async (s) => {
        for (let i = 0; i < 3; i++) {
          await insertPartnership(ds, { status: 'ACTIVE', topics: ['treatment.operations'], members: [{ municipality: s.a, role: 'PROVIDER' }, { municipality: await insertMunicipality(ds), role: 'RECIPIENT' }] });
        }
      },
    },
    {
      kind: 'DECLINES',
      mismatch: true,
      give: async (s) => {
        const asker = await partnerIn('KE', 'Africa');
        for (let i = 0; i < 3; i++) {
          await ds.query(`INSERT INTO introduction (list, requester_id, candidate_id, status, decline_reason, requested_by) VALUES ('PEER', $1, $2, 'DECLINED', 'TIMING', 'x')`, [asker.id, s.a.id]);
        }
      },
    },
    {
      kind: 'DISMISSED',
      mismatch: true,
      give: (s) => ds.query(`INSERT INTO match_dismissal (actor_id, list, need_id, candidate_id, reason, counts_for_others) VALUES ('a-coordinator', 'PARTNER', $1, $2, 'NOT_RELEVANT', true)`, [s.need.id, s.a.id]),
    },
    { kind: 'SCHEME_ELIGIBILITY', mismatch: true, give: (s) => ds.query(`UPDATE municipality SET kind = 'UTILITY' WHERE id = $1`, [s.a.id]) },
    { kind: 'NO_COMMON_LANGUAGE', mismatch: true, give: (s) => ds.query(`UPDATE municipality SET languages = '{ja}' WHERE id = $1`, [s.a.id]) },
    {
      kind: 'TOPIC_GAP',
      mismatch: true,
      scene: { topics: [LEAK, 'treatment.water-quality'] },
      give: (s) => insertExpertise(ds, s.b, 'treatment.water-quality', { level: 3 }),
    },
    {
      kind: 'DISTANCE',
      mismatch: true,
      scene: { recipient: { kind: 'LOCAL_GOVERNMENT', country: 'JP', region: 'Kyushu', languages: ['ja'], latitude: 33.3, longitude: 130.5 }, schemes: [] },
      give: (s) => ds.query(`UPDATE municipality SET latitude = 33.6, longitude = 130.4 WHERE id = $1`, [s.b.id]),
    },
  ];

  it.each(rows)('$kind', async ({ kind, mismatch, scene: over, give }) => {
    const s = await scene(over);
    await give(s);
    expect(await order(s)).toEqual([s.b.key, s.a.key]);
    const winner = await reasonsOf(s, s.b.key);
    const loser = await reasonsOf(s, s.a.key);
    if (mismatch) {
      const hit = loser.mismatches.find((r) => r.kind === kind)!;
      expect(hit, `${s.a.key} should show ${kind}`).toBeDefined();
      expect(hit.weight).toBeGreaterThan(0);
      expect(hit.detail.length).toBeGreaterThan(5);
      expect(winner.mismatches.find((r) => r.kind === kind)).toBeUndefined();
    } else {
      const hit = winner.reasons.find((r) => r.kind === kind)!;
      expect(hit, `${s.b.key} should show ${kind}`).toBeDefined();
      expect(hit.weight).toBeGreaterThan(loser.reasons.find((r) => r.kind === kind)?.weight ?? 0);
      expect(hit).toMatchObject({ labelEn: expect.any(String), labelJa: expect.any(String), detailJa: expect.any(String) });
    }
  });
});

describe('partnerSuggestions rules', () => {
  it('never suggests the need’s own municipality, however strong', async () => {
    const s = await scene();
    await insertExpertise(ds, s.recipient, LEAK, { level: 5 });
    const list = await h.partners.partnerSuggestions(h.ctx, s.need.key, 100);
    expect(list.map((x) => x.municipality.id)).not.toContain(s.recipient.id);
  });

  it('suggests a peer from the need’s own country only with strong evidence (south–south)', async () => {
    const s = await scene({ schemes: [] });
    const local = await insertMunicipality(ds, { kind: 'UTILITY', country: 'ID', region: 'Asia', languages: ['id'] });
    await insertExpertise(ds, local, LEAK, { level: 5 });
    const keys = async () => (await h.partners.partnerSuggestions(h.ctx, s.need.key, 100)).map((x) => x.municipality.key);
    expect(await keys()).not.toContain(local.key);
    for (let i = 0; i < 2; i++) {
      await insertPartnership(ds, { status: 'COMPLETED', topics: [LEAK], members: [{ municipality: local, role: 'PROVIDER' }, { municipality: await partnerIn('ID'), role: 'RECIPIENT' }] });
    }
    const list = await h.partners.partnerSuggestions(h.ctx, s.need.key, 100);
    const found = list.find((x) => x.municipality.key === local.key)!;
    expect(found).toBeDefined();
    expect(found.reasons.map((r) => r.kind)).toContain('PROXIMITY');
  });

  it('spreads suggestions: a stronger bureau at capacity falls below a free one', async () => {
    const s = await scene();
    await ds.query(`UPDATE expertise SET level = 5 WHERE municipality_id = $1`, [s.a.id]);
    await ds.query(`UPDATE expertise SET level = 4 WHERE municipality_id = $1`, [s.b.id]);
    expect(await order(s)).toEqual([s.a.key, s.b.key]);
    for (let i = 0; i < 3; i++) {
      await insertPartnership(ds, { status: 'ACTIVE', topics: ['treatment.operations'], members: [{ municipality: s.a, role: 'PROVIDER' }, { municipality: await insertMunicipality(ds), role: 'RECIPIENT' }] });
    }
    expect(await order(s)).toEqual([s.b.key, s.a.key]);
  });

  it('is deterministic and sorted best first', async () => {
    const s = await scene();
    const one = await h.partners.partnerSuggestions(h.ctx, s.need.key, 100);
    const two = await h.partners.partnerSuggestions(h.ctx, s.need.key, 100);
    expect(two).toEqual(one);
    for (let i = 1; i < one.length; i++) {
      expect(one[i - 1]!.score > one[i]!.score || (one[i - 1]!.score === one[i]!.score && one[i - 1]!.municipality.key < one[i]!.municipality.key)).toBe(true);
    }
    for (const x of one) {
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
      expect(x.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(x.score, 2);
    }
  });

  it('answers NOT_FOUND for an unknown need and BAD_USER_INPUT for first out of range', async () => {
    await expect(h.partners.partnerSuggestions(h.ctx, 'no-such-need', 5)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const s = await scene();
    await expect(h.partners.partnerSuggestions(h.ctx, s.need.key, 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'first' }] });
    await expect(h.partners.partnerSuggestions(h.ctx, s.need.key, 101)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
