import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityEntity, NeedEntity } from '@kakehashi/directory';
import { Role, createRequestContext, type RequestContext } from '@kakehashi/kernel';
import { insertExpertise, insertMunicipality, insertNeed, uniqueKey } from '@kakehashi/testing';
import type { DataSource } from 'typeorm';
import { createMatchingHarness, type MatchingHarness } from '../../test/matching-harness';

let h: MatchingHarness;
let ds: DataSource;
const coordinator = (id: string): RequestContext => createRequestContext({ actor: { id, roles: [Role.COORDINATOR], municipalityIds: [] } });

beforeAll(async () => {
  h = await createMatchingHarness();
  ds = h.db.dataSource;
});
afterAll(() => h?.db.drop());

async function scene(): Promise<{ need: NeedEntity; recipient: MunicipalityEntity; a: MunicipalityEntity; b: MunicipalityEntity }> {
  const recipient = await insertMunicipality(ds, { kind: 'UTILITY', country: 'ID', region: 'Asia', languages: ['id', 'en'] });
  const need = await insertNeed(ds, recipient, { topics: ['nrw.leak-detection'], schemes: ['JICA_GRASSROOTS'], title: 'Reduce leakage' });
  const run = uniqueKey('x').slice(2);
  const a = await insertMunicipality(ds, { key: `a-${run}`, languages: ['ja', 'en'], capacity: 3 });
  const b = await insertMunicipality(ds, { key: `b-${run}`, languages: ['ja', 'en'], capacity: 3 });
  for (const m of [a, b]) await insertExpertise(ds, m, 'nrw.leak-detection', { level: 4 });
  return { need, recipient, a, b };
}

const listFor = async (ctx: RequestContext, needKey: string, only?: string[]) =>
  (await h.partners.partnerSuggestions(ctx, needKey, 100)).map((s) => s.municipality.key).filter((k) => !only || only.includes(k));

describe('dismissals', () => {
  it('hide a suggestion from the one who dismissed it, and count against it for others', async () => {
    const s = await scene();
    const alice = coordinator('alice');
    const bob = coordinator('bob');
    expect(await listFor(bob, s.need.key, [s.a.key, s.b.key])).toEqual([s.a.key, s.b.key]);
    await h.feedback.dismiss(alice, { list: 'PARTNER', needKey: s.need.key, candidateKey: s.a.key, reason: 'ALREADY_IN_CONTACT', note: 'we talk weekly' });
    expect(await listFor(alice, s.need.key)).not.toContain(s.a.key);
    const forBob = await h.partners.partnerSuggestions(bob, s.need.key, 100);
    expect(forBob.map((x) => x.municipality.key).filter((k) => k === s.a.key || k === s.b.key)).toEqual([s.b.key, s.a.key]);
    expect(forBob.find((x) => x.municipality.key === s.a.key)!.mismatches.find((m) => m.kind === 'DISMISSED')!.detail).toMatch(/ALREADY_IN_CONTACT/);
    // dismissing again updates, restoring brings it back
    await h.feedback.dismiss(alice, { list: 'PARTNER', needKey: s.need.key, candidateKey: s.a.key, reason: 'NOT_RELEVANT' });
    expect(await ds.query(`SELECT reason FROM match_dismissal WHERE actor_id = 'alice' AND candidate_id = $1`, [s.a.id])).toEqual([{ reason: 'NOT_RELEVANT' }]);
    expect(await h.feedback.restore(alice, { list: 'PARTNER', needKey: s.need.key, candidateKey: s.a.key })).toBe(true);
    expect(await listFor(alice, s.need.key)).toContain(s.a.key);
  });

  it('name the missing argument', async () => {
    await expect(h.feedback.dismiss(coordinator('alice'), { list: 'PARTNER', candidateKey: 'x', reason: 'OTHER' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'needKey' }] });
    await expect(h.feedback.dismiss(coordinator('alice'), { list: 'PEER', municipalityKey: 'nope', candidateKey: 'x', reason: 'OTHER' })).rejects.toMatchObject({ code: 'NOT_FOUND', details: [{ path: 'municipalityKey' }] });
  });
});

describe('introductions', () => {
  it('an accepted introduction proposes a partnership between the two, with the need’s topics', async () => {
    const s = await scene();
    const ctx = coordinator('carol');
    const intro = await h.feedback.requestIntroduction(ctx, { list: 'PARTNER', needKey: s.need.key, candidateKey: s.b.key, message: 'Can you help?' });
    expect(intro).toMatchObject({ status: 'REQUESTED', requesterId: s.recipient.id, candidateId: s.b.id });
    await expect(h.feedback.requestIntroduction(ctx, { list: 'PARTNER', needKey: s.need.key, candidateKey: s.b.key })).rejects.toMatchObject({ code: 'CONFLICT' });
    const accepted = await h.feedback.accept(ctx, intro.id, 'Happy to');
    expect(accepted.status).toBe('ACCEPTED');
    const [p] = await ds.query(
      `SELECT p.status, p.scheme, ARRAY(SELECT topic_key FROM partnership_topic WHERE partnership_id = p.id) AS topics,
              ARRAY(SELECT m.key || ':' || pm.role FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id ORDER BY pm.position) AS members
         FROM partnership p WHERE p.id = $1`,
      [accepted.partnershipId],
    );
    expect(p).toEqual({ status: 'PROPOSED', scheme: 'JICA_GRASSROOTS', topics: ['nrw.leak-detection'], members: [`${s.b.key}:PROVIDER`, `${s.recipient.key}:RECIPIENT`] });
    await expect(h.feedback.decline(ctx, intro.id, 'TIMING')).rejects.toMatchObject({ code: 'CONFLICT', reason: 'INTRODUCTION_CLOSED' });
  });

  it('declines lower the candidate, acceptances raise it', async () => {
    const s = await scene();
    const ctx = coordinator('dave');
    expect(await listFor(ctx, s.need.key, [s.a.key, s.b.key])).toEqual([s.a.key, s.b.key]);
    for (let i = 0; i < 2; i++) {
      const other = await insertMunicipality(ds);
      const intro = await h.feedback.requestIntroduction(ctx, { list: 'PEER', municipalityKey: other.key, candidateKey: s.a.key });
      await h.feedback.decline(ctx, intro.id, 'NO_CAPACITY', 'busy');
    }
    const list = await h.partners.partnerSuggestions(ctx, s.need.key, 100);
    expect(list.map((x) => x.municipality.key).filter((k) => k === s.a.key || k === s.b.key)).toEqual([s.b.key, s.a.key]);
    expect(list.find((x) => x.municipality.key === s.a.key)!.mismatches.map((m) => m.kind)).toContain('DECLINES');
  });

  it('refuse a self-introduction and an unknown id', async () => {
    const s = await scene();
    await expect(h.feedback.requestIntroduction(coordinator('x'), { list: 'PEER', municipalityKey: s.a.key, candidateKey: s.a.key })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(h.feedback.accept(coordinator('x'), '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets an editor answer only for the municipality they edit', async () => {
    const s = await scene();
    const intro = await h.feedback.requestIntroduction(coordinator('erin'), { list: 'PARTNER', needKey: s.need.key, candidateKey: s.a.key });
    const stranger = createRequestContext({ actor: { id: '11111111-1111-1111-1111-111111111111', roles: [Role.EDITOR], municipalityIds: [] } });
    await expect(h.feedback.accept(stranger, intro.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await h.feedback.introductions(coordinator('erin'), { municipalityKey: s.a.key })).map((i) => i.id)).toEqual([intro.id]);
  });
});
