import { describe, expect, it } from 'vitest';
import { insertMunicipality, insertPartnership } from '@kakehashi/testing';
import type { RequestContext } from '@kakehashi/kernel';
import type { DataSource } from 'typeorm';
import { withMatchingHarness, type MatchingHarness } from '../../test/matching-harness';
import { loadOf } from '../scoring/fit';

let h: MatchingHarness;
let ds: DataSource;
withMatchingHarness((harness) => ([h, ds] = [harness, harness.db.dataSource]));

const YEARS = [2012, 2020, 2026];

/**
 * The peers' load of a country as the scoring defines it, from the candidates' own facts: every
 * municipality of the country with a live record as provider or peer, its `loadOf` and its record.
 */
async function byDefinition(ctx: RequestContext, country: string, year: number): Promise<{ load: number; record: number }> {
  const ids = await idsOf(ctx, country);
  const facts = await h.facts.candidateFacts(ctx, ids, { text: '', needId: null, actorId: null });
  const bodies = facts.filter((c) => c.partnerships.some((p) => p.role === 'PROVIDER' || p.role === 'PEER'));
  if (!bodies.length) return { load: 0, record: 0 };
  const load = bodies.reduce((s, c) => s + loadOf(c, year).load, 0) / bodies.length;
  const record = bodies.reduce((s, c) => s + c.partnerships.filter((p) => p.role === 'PROVIDER' || p.role === 'PEER').length, 0) / bodies.length;
  return { load, record };
}

async function idsOf(ctx: RequestContext, country: string): Promise<string[]> {
  const rows = (await (ctx.transaction ?? ds.manager).query(`SELECT id FROM municipality WHERE country = $1 ORDER BY id`, [country])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The kept sums answer what the definition does, for every country and year asked. */
async function expectKept(ctx: RequestContext, countries: readonly string[]): Promise<void> {
  for (const year of YEARS) {
    const kept = await h.facts.peerLoad(ctx, countries, year);
    for (const c of countries) {
      const want = await byDefinition(ctx, c, year);
      expect(kept.get(c)!.load, `${c} ${year} load`).toBeCloseTo(want.load, 9);
      expect(kept.get(c)!.record, `${c} ${year} record`).toBeCloseTo(want.record, 9);
    }
  }
}

const requested = (requester: { id: string }, candidate: { id: string }) =>
  ds.query(`INSERT INTO introduction (list, requester_id, candidate_id, status, requested_by) VALUES ('PARTNER', $1, $2, 'REQUESTED', 'x') RETURNING id`, [requester.id, candidate.id]) as Promise<{ id: string }[]>;

describe('the peers’ load per country, kept on write (ADR 27)', () => {
  it('answers what the scoring’s own definition of load gives, after every kind of write that moves it', async () => {
    const ctx = h.ctx;
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => insertMunicipality(ds, { country: 'NZ' })));
    const d = await insertMunicipality(ds, { country: 'FJ' });
    const abroad = await insertMunicipality(ds, { country: 'TO', kind: 'UTILITY' });
    await expectKept(ctx, ['NZ', 'FJ', 'TO']);

    // Work under way, proposed, as peer and facilitator, finished in and out of the recent window.
    const active = await insertPartnership(ds, { status: 'ACTIVE', startYear: 2019, members: [{ municipality: a, role: 'PROVIDER' }, { municipality: abroad, role: 'RECIPIENT' }] });
    await insertPartnership(ds, { status: 'PROPOSED', members: [{ municipality: a, role: 'PEER' }, { municipality: b, role: 'PEER' }] });
    await insertPartnership(ds, { status: 'AGREED', members: [{ municipality: b, role: 'FACILITATOR' }, { municipality: c, role: 'RECIPIENT' }, { municipality: d, role: 'PROVIDER' }] });
    const done = await insertPartnership(ds, { status: 'COMPLETED', startYear: 2008, endYear: 2011, members: [{ municipality: c, role: 'PROVIDER' }, { municipality: abroad, role: 'RECIPIENT' }] });
    await insertPartnership(ds, { status: 'COMPLETED', startYear: 2018, members: [{ municipality: a, role: 'PROVIDER' }, { municipality: d, role: 'PEER' }] });
    await insertPartnership(ds, { status: 'CANCELLED', members: [{ municipality: b, role: 'PROVIDER' }, { municipality: abroad, role: 'RECIPIENT' }] });
    await expectKept(ctx, ['NZ', 'FJ', 'TO']);
    expect((await h.facts.peerLoad(ctx, ['NZ'], 2026)).get('NZ')!.load).toBeGreaterThan(0);

    // A status, a year, a role changes; a member leaves; a partnership goes.
    await ds.query(`UPDATE partnership SET status = 'COMPLETED', end_year = 2024 WHERE id = $1`, [active.id]);
    await ds.query(`UPDATE partnership SET end_year = 2023 WHERE id = $1`, [done.id]);
    await ds.query(`UPDATE partnership_member SET role = 'PEER' WHERE municipality_id = $1 AND partnership_id = $2`, [c.id, done.id]);
    await expectKept(ctx, ['NZ', 'FJ', 'TO']);
    await ds.query(`DELETE FROM partnership_member WHERE municipality_id = $1 AND partnership_id = $2`, [a.id, active.id]);
    await ds.query(`DELETE FROM partnership WHERE id = $1`, [done.id]);
    await expectKept(ctx, ['NZ', 'FJ', 'TO']);

    // Introductions awaiting an answer count; answered ones do not.
    const [intro] = await requested(abroad, a);
    await requested(abroad, c);
    await expectKept(ctx, ['NZ', 'FJ']);
    await ds.query(`UPDATE introduction SET status = 'ACCEPTED' WHERE id = $1`, [intro!.id]);
    await expectKept(ctx, ['NZ', 'FJ']);

    // A bureau moves country; another is deleted with everything it carried.
    await ds.query(`UPDATE municipality SET country = 'FJ' WHERE id = $1`, [b.id]);
    await expectKept(ctx, ['NZ', 'FJ']);
    await ds.query(`DELETE FROM municipality WHERE id = $1`, [d.id]);
    await expectKept(ctx, ['NZ', 'FJ', 'TO']);
  });

  it('inside a transaction sees the transaction’s own writes (as an evaluation hides records), and nothing of them after it is rolled back', async () => {
    const a = await insertMunicipality(ds, { country: 'WS' });
    await insertPartnership(ds, { status: 'ACTIVE', members: [{ municipality: a, role: 'PROVIDER' }, { municipality: await insertMunicipality(ds, { country: 'TV' }), role: 'RECIPIENT' }] });
    const before = await h.facts.peerLoad(h.ctx, ['WS'], 2026);
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx: RequestContext = { ...h.ctx, transaction: runner.manager };
      await runner.query(`DELETE FROM partnership WHERE id IN (SELECT partnership_id FROM partnership_member WHERE municipality_id = $1)`, [a.id]);
      expect((await h.facts.peerLoad(tx, ['WS'], 2026)).get('WS')).toEqual({ load: 0, record: 0 });
      await expectKept(tx, ['WS', 'TV']);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await h.facts.peerLoad(h.ctx, ['WS'], 2026)).toEqual(before);
  });

  it('loses nothing when two transactions write the same bureau at once: the second recomputes after the first commits', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => insertMunicipality(ds, { country: 'KI' })));
    const abroad = await insertMunicipality(ds, { country: 'NR' });
    const [p1, p2] = await Promise.all([1, 2].map(() => insertPartnership(ds, { status: 'ACTIVE' })));
    const one = ds.createQueryRunner();
    const two = ds.createQueryRunner();
    await Promise.all([one.connect(), two.connect()]);
    await one.startTransaction();
    await two.startTransaction();
    try {
      await one.query(`INSERT INTO partnership_member (partnership_id, municipality_id, role, position) VALUES ($1, $2, 'PROVIDER', 0), ($1, $3, 'RECIPIENT', 1)`, [p1!.id, a.id, abroad.id]);
      // The same bureau in both: the second must count the first's partnership too.
      const second = two.query(`INSERT INTO partnership_member (partnership_id, municipality_id, role, position) VALUES ($1, $2, 'PROVIDER', 0), ($1, $3, 'PROVIDER', 1)`, [p2!.id, a.id, b.id]);
      await new Promise((r) => setTimeout(r, 200)); // the second waits on the country's lock…
      await one.commitTransaction(); // …until the first commits
      await second;
      await two.commitTransaction();
    } finally {
      await one.release();
      await two.release();
    }
    expect((await h.facts.peerLoad(h.ctx, ['KI'], 2026)).get('KI')).toEqual({ load: 1.5, record: 1.5 });
    await expectKept(h.ctx, ['KI', 'NR']);
  });

  it('is emptied with the tables it sums', async () => {
    await ds.query('TRUNCATE partnership CASCADE');
    expect([...(await h.facts.peerLoad(h.ctx, ['NZ', 'FJ', 'KI'], 2026)).values()]).toEqual([0, 1, 2].map(() => ({ load: 0, record: 0 })));
    expect(await ds.query('SELECT count(*)::int AS n FROM peer_load_country')).toEqual([{ n: 0 }]);
  });
});
