import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@kakehashi/directory';
import { DomainError } from '@kakehashi/kernel';
import { createMatchingHarness, type MatchingHarness } from '../../test/matching-harness';
import type { StudySessionPlan } from './study-session.types';

/* studySessionPlan on the sample directory (real PostgreSQL, the real importer): Kyushu and all of Japan. */
let h: MatchingHarness;
let date: string;
beforeAll(async () => {
  h = await createMatchingHarness();
  await h.importSample();
  date = h.facts.today();
});
afterAll(() => h?.db.drop());

/** What every plan must satisfy, whatever the region. */
function expectSound(plan: StudySessionPlan, groups: number, groupSize: number): void {
  const seated = plan.groups.flatMap((g) => g.members.map((m) => m.municipality.key));
  expect(new Set(seated).size).toBe(seated.length);
  expect(plan.groups).toHaveLength(groups);
  for (const g of plan.groups) {
    expect(g.members).toHaveLength(groupSize);
    expect(g.members.map((m) => m.role)).toEqual(expect.arrayContaining(['EXPERIENCED', 'NEWCOMER']));
    expect(g.reasons.map((r) => r.kind)).toContain('MENTORING');
    for (const r of g.reasons) expect(r.records.length, `group ${g.number} ${r.kind}`).toBeGreaterThan(0);
  }
  const presenters = plan.presentations.map((p) => p.municipality.key);
  expect(new Set(presenters).size, 'one city does not present everything').toBe(presenters.length);
  for (const p of plan.presentations) {
    const evidence = p.reasons.find((r) => r.kind === 'EVIDENCE')!;
    expect(evidence.records.some((r) => r.type === 'PARTNERSHIP' || r.type === 'CASE_STUDY')).toBe(true);
    expect(evidence.detailJa).toBeTruthy();
  }
  for (const t of plan.themes) expect(t.needCount, t.topicKey).toBeGreaterThan(0);
  for (const i of plan.invitees) for (const r of i.reasons) expect(r.records.length, `${i.municipality.key} ${r.kind}`).toBeGreaterThan(0);
}

describe('studySessionPlan on the sample directory', () => {
  it('plans a Kyushu session: its newcomers, four themes each presented by a different body, two mixed groups', async () => {
    const plan = await h.studySessions.plan(h.ctx, { region: 'kyushu', date, groups: 2, groupSize: 4 });
    expect(plan.region).toEqual({ scope: 'REGION', name: 'Kyushu', country: 'JP' });
    expectSound(plan, 2, 4);
    expect(plan.themes).toHaveLength(4);
    expect(plan.presentations).toHaveLength(4);
    // Every Kyushu body new to overseas work is invited (each has needs or strengths on a theme), and nobody experienced is.
    const newcomers = plan.invitees.filter((i) => i.role === 'NEWCOMER').map((i) => i.municipality.key);
    expect(newcomers).toEqual(['kagoshima', 'kumamoto', 'kurume', 'oita']);
    expect(plan.invitees.find((i) => i.municipality.key === 'kurume')!.reasons.find((r) => r.kind === 'SHARED_CHALLENGE')!.records).toContainEqual(
      expect.objectContaining({ type: 'NEED', key: 'kurume-start-cooperation' }),
    );
    // Overseas partners come from abroad with open needs on the themes.
    const partners = plan.invitees.filter((i) => i.role === 'PARTNER');
    expect(partners.length).toBeGreaterThan(0);
    for (const p of partners) expect(p.municipality.country).not.toBe('JP');
    // The region's own experienced bureau presents, and says it is in the region.
    const kitakyushu = plan.presentations.find((p) => p.municipality.key === 'kitakyushu')!;
    expect(kitakyushu.reasons.find((r) => r.kind === 'PROXIMITY')!.detailJa).toContain('九州');
    // The Kyushu newcomers sit with Kyushu bureaus where they can: a group of neighbours.
    expect(plan.groups.some((g) => g.reasons.some((r) => r.kind === 'NEIGHBOUR'))).toBe(true);
  });

  it('plans a session for all of Japan: newcomers from several regions, six groups of five', async () => {
    const plan = await h.studySessions.plan(h.ctx, { region: 'Japan', date, groups: 6, groupSize: 5 });
    expect(plan.region).toEqual({ scope: 'COUNTRY', name: 'JP', country: 'JP' });
    expectSound(plan, 6, 5);
    expect(plan.themes).toHaveLength(4);
    const newcomers = plan.invitees.filter((i) => i.role === 'NEWCOMER');
    expect(new Set(newcomers.map((i) => i.municipality.region)).size).toBeGreaterThanOrEqual(5);
    expect(newcomers.length).toBeGreaterThanOrEqual(10);
  });

  it('takes the coordinator’s themes, and a prefecture or a country by name', async () => {
    const plan = await h.studySessions.plan(h.ctx, { region: 'Fukuoka', date, groups: 1, groupSize: 2, topics: ['nrw.leak-detection', 'resilience.earthquake'] });
    expect(plan.region).toEqual({ scope: 'SUBDIVISION', name: 'Fukuoka', country: 'JP' });
    expect(plan.themes.map((t) => t.topicKey)).toEqual(['nrw.leak-detection', 'resilience.earthquake']);
    expect(new Set(plan.presentations.map((p) => p.municipality.key)).size).toBe(plan.presentations.length);
    expect((await h.studySessions.resolveRegion(h.ctx, '日本')).country).toBe('JP');
    expect((await h.studySessions.resolveRegion(h.ctx, 'jp')).scope).toBe('COUNTRY');
    expect(await h.studySessions.resolveRegion(h.ctx, '九州')).toEqual({ scope: 'REGION', name: 'Kyushu', country: 'JP' });
    expect(await h.studySessions.resolveRegion(h.ctx, '福岡県')).toEqual({ scope: 'SUBDIVISION', name: 'Fukuoka', country: 'JP' });
  });

  it('refuses bad input with coded errors naming the field', async () => {
    const bad = async (input: Record<string, unknown>) => {
      try {
        await h.studySessions.plan(h.ctx, { region: 'Kyushu', date, groups: 2, groupSize: 4, ...input });
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        const d = e as DomainError;
        return { code: d.code, reason: d.reason, path: d.details[0]?.path };
      }
      throw new Error('accepted');
    };
    expect(await bad({ region: 'Atlantis' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION', path: 'input.region' });
    expect(await bad({ region: 'ZZ' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION', path: 'input.region' });
    expect(await bad({ groupSize: 1 })).toMatchObject({ code: 'BAD_USER_INPUT', path: 'input.groupSize' });
    expect(await bad({ groups: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', path: 'input.groups' });
    expect(await bad({ date: '2020-01-01' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAST_DATE', path: 'input.date' });
    expect(await bad({ date: '2027-02-30' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE', path: 'input.date' });
    expect(await bad({ topics: ['nrw', 'no-such-topic'] })).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_TOPIC', path: 'input.topics[1]' });
  });
});

describe('saving a plan as a planned event', () => {
  it('stores date, place and agenda, audits it, and the mentor pathway offers it as the next study session', async () => {
    const on = addDays(date, 45);
    const before = await h.mentors.mentoring(h.ctx, 'kurume', 3);
    expect(before.mentors[0]!.pathway![0]!.records.filter((r) => r.type === 'EVENT')).toEqual([]);
    const { event, plan } = await h.studySessions.saveAsEvent(h.ctx, { region: 'Kyushu', date: on, groups: 2, groupSize: 4, location: 'Fukuoka' });
    expect(event).toMatchObject({ key: `study-session-kyushu-${on}`, date: on, location: 'Fukuoka' });
    const agenda = event.agenda!;
    expect(agenda.filter((a) => a.kind === 'PRESENTATION').map((a) => a.municipalities[0])).toEqual(plan.presentations.map((p) => p.municipality.key));
    expect(agenda.filter((a) => a.kind === 'DISCUSSION').map((a) => a.municipalities)).toEqual(plan.groups.map((g) => g.members.map((m) => m.municipality.key)));
    expect(agenda.find((a) => a.kind === 'OTHER')!.municipalities).toEqual(plan.invitees.map((i) => i.municipality.key));
    expect(event.participants).toBe(new Set(agenda.flatMap((a) => a.municipalities)).size);
    const [audit] = await h.db.dataSource.query(`SELECT action, entity, after->'agenda' AS agenda FROM audit_log WHERE entity_key = $1`, [event.key]);
    expect(audit).toMatchObject({ action: 'create', entity: 'event' });
    expect(audit.agenda).toHaveLength(agenda.length);
    // Kurume's mentors now point it at this session.
    const step = (await h.mentors.mentoring(h.ctx, 'kurume', 3)).mentors[0]!.pathway![0]!;
    expect(step.kind).toBe('STUDY_SESSION');
    expect(step.records).toContainEqual(expect.objectContaining({ type: 'EVENT', key: event.key }));
    expect(step.detail).toContain(on);
    // The same key twice is a conflict, and nothing is written.
    const again = await h.studySessions.saveAsEvent(h.ctx, { region: 'Kyushu', date: on, groups: 2, groupSize: 4, location: 'Fukuoka' }).catch((e: unknown) => e);
    expect((again as DomainError).code).toBe('CONFLICT');
    expect((await h.db.dataSource.query(`SELECT count(*)::int AS n FROM event WHERE key = $1`, [event.key]))[0].n).toBe(1);
  });
});
