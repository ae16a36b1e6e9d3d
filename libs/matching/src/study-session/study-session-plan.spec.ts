import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartnershipFacts } from '../scoring/facts';
import { isExperienced } from '../scoring/mentor-score';
import { muni, partnerOf, specTaxonomy as tax } from '../scoring/spec-fixtures';
import { chooseThemes, onTheme, planStudySession } from './study-session-plan';
import type { ResolvedRegion, SessionBody, StudySessionFacts, StudySessionPlan } from './study-session.types';

/*
 * The plan's invariants on generated directories (pure, no database): nobody sits twice, groups
 * have exactly groupSize members, each group mixes experienced and newcomer bodies whenever the
 * participants allow it, and presenting is spread — a body presents twice only when every body
 * with results on that theme already presents.
 */
const TOPICS = tax.topics.map((t) => t.key);
const REGIONS = ['Kyushu', 'Kansai', 'Kanto'];
const REGION: ResolvedRegion = { scope: 'REGION', name: 'Kyushu', country: 'JP' };

const topicArb = fc.constantFrom(...TOPICS);
const bodyArb = fc.record({
  overseas: fc.boolean(),
  agency: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  region: fc.constantFrom(...REGIONS),
  experience: fc.constantFrom('NONE', 'SOME', 'EXTENSIVE'),
  lat: fc.option(fc.double({ min: 31, max: 36, noNaN: true }), { nil: null }),
  lon: fc.double({ min: 129, max: 140, noNaN: true }),
  needs: fc.array(fc.uniqueArray(topicArb, { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
  expertise: fc.array(fc.record({ topicKey: topicArb, level: fc.integer({ min: 1, max: 5 }) }), { maxLength: 3 }),
  work: fc.array(fc.record({ topics: fc.uniqueArray(topicArb, { minLength: 1, maxLength: 2 }), outcome: fc.boolean(), abroad: fc.boolean() }), { maxLength: 4 }),
  studies: fc.array(fc.uniqueArray(topicArb, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
});

/** A directory of 4–40 bodies; what the service would read from it. */
const directoryArb = fc.array(bodyArb, { minLength: 4, maxLength: 40 }).map((raw): StudySessionFacts => {
  const partner = muni({ key: 'abroad-partner', country: 'ID', region: null });
  const bodies: SessionBody[] = raw.map((r, i) => {
    const m = muni({
      key: `b${String(i).padStart(2, '0')}`,
      id: `id-b${i}`,
      country: r.overseas ? 'ID' : 'JP',
      region: r.overseas ? null : r.region,
      kind: r.agency ? 'NATIONAL_AGENCY' : 'LOCAL_GOVERNMENT',
      overseasExperience: r.experience,
      latitude: r.overseas ? null : r.lat,
      longitude: r.overseas || r.lat === null ? null : r.lon,
    });
    const partnerships: PartnershipFacts[] = r.work.map((w, j) => ({
      key: `${m.key}-p${j}`,
      title: `Work ${j} of ${m.key}`,
      status: 'COMPLETED',
      scheme: 'JICA_GRASSROOTS',
      role: 'PROVIDER',
      startYear: 2015,
      endYear: 2018,
      summary: null,
      topicKeys: w.topics,
      partners: [partnerOf(w.abroad ? partner : muni({ key: `${m.key}-home${j}`, country: m.country }))],
      outcomes: w.outcome ? [{ indicator: 'NRW_PERCENT', before: 40, after: 20 }] : [],
    }));
    return {
      municipality: m,
      expertise: r.expertise.filter((e, j, all) => all.findIndex((x) => x.topicKey === e.topicKey) === j).map((e) => ({ ...e, evidence: null })),
      partnerships,
      needs: r.needs.map((topicKeys, j) => ({ key: `${m.key}-n${j}`, title: `Need ${j} of ${m.key}`, topicKeys })),
      caseStudies: r.studies.map((topicKeys, j) => ({ key: `${m.key}-cs${j}`, title: `Study ${j}`, summary: null, topicKeys, eventKey: null, eventTitle: null, eventDate: null })),
    };
  });
  const jp = bodies.filter((b) => b.municipality.country === 'JP');
  const home = jp.filter((b) => b.municipality.region === 'Kyushu' && b.municipality.kind !== 'NATIONAL_AGENCY');
  return {
    region: REGION,
    home,
    presenters: jp,
    overseas: bodies.filter((b) => b.municipality.country !== 'JP'),
    nearbyExperienced: jp.filter((b) => !home.includes(b) && b.municipality.kind === 'LOCAL_GOVERNMENT' && b.municipality.overseasExperience === 'EXTENSIVE'),
  };
});

const askArb = fc.record({ groups: fc.integer({ min: 1, max: 6 }), groupSize: fc.integer({ min: 2, max: 6 }), topics: fc.option(fc.uniqueArray(topicArb, { minLength: 1, maxLength: 4 }), { nil: null }) });

/** Documented results, as docs/study-sessions.md defines them: a case study, or a partnership carried with a measured improvement. */
const hasResults = (b: SessionBody, theme: string) =>
  b.caseStudies.some((c) => c.topicKeys.some((k) => onTheme(tax, theme, k))) || b.partnerships.some((p) => p.outcomes.length && p.topicKeys.some((k) => onTheme(tax, theme, k)));

function check(facts: StudySessionFacts, ask: { groups: number; groupSize: number; topics: string[] | null }): StudySessionPlan {
  const plan = planStudySession(tax, facts, { date: '2027-01-15', ...ask });
  const seated = plan.groups.flatMap((g) => g.members.map((m) => m.municipality.key));
  // Nobody twice, in the groups or between the groups and the unseated.
  expect(new Set(seated).size).toBe(seated.length);
  expect(new Set([...seated, ...plan.unseated.map((u) => u.municipality.key)]).size).toBe(seated.length + plan.unseated.length);
  // Exactly groupSize each; fewer groups than asked only when the rest could not fill one more.
  for (const g of plan.groups) expect(g.members).toHaveLength(ask.groupSize);
  expect(plan.groups.length).toBeLessThanOrEqual(ask.groups);
  if (plan.groups.length < ask.groups) expect(plan.unseated.length).toBeLessThan(ask.groupSize);
  // Experienced and newcomer at every table whenever there are enough of each for every table.
  const everyone = [...plan.groups.flatMap((g) => g.members), ...plan.unseated];
  const k = plan.groups.length;
  if (everyone.filter((s) => s.role === 'EXPERIENCED').length >= k && everyone.filter((s) => s.role === 'NEWCOMER').length >= k)
    for (const g of plan.groups) expect(g.members.map((m) => m.role)).toEqual(expect.arrayContaining(['EXPERIENCED', 'NEWCOMER']));
  // Agencies facilitate: they never sit at a table.
  expect(everyone.filter((s) => s.municipality.kind === 'NATIONAL_AGENCY')).toEqual([]);
  // Presenters spread: one presentation per theme at most; a second one only when every other body with results on that theme presents.
  const themes = plan.themes.map((t) => t.topicKey);
  expect(new Set(plan.presentations.map((p) => p.topicKey)).size).toBe(plan.presentations.length);
  const presenting = new Map<string, number>();
  for (const p of plan.presentations) presenting.set(p.municipality.key, (presenting.get(p.municipality.key) ?? 0) + 1);
  const pool = [...facts.presenters, ...facts.home].filter((b) => b.municipality.country === 'JP');
  for (const p of plan.presentations) {
    expect(hasResults(pool.find((b) => b.municipality.key === p.municipality.key)!, p.topicKey)).toBe(true);
    if (presenting.get(p.municipality.key)! > 1) for (const b of pool) if (hasResults(b, p.topicKey)) expect(presenting.has(b.municipality.key), `${b.municipality.key} idle`).toBe(true);
  }
  // A theme without a presentation has nobody with results on it.
  for (const t of themes) if (!plan.presentations.some((p) => p.topicKey === t)) expect(pool.some((b) => hasResults(b, t))).toBe(false);
  // Invitees: each once; newcomers of the region, partners from abroad; every reason rests on records.
  expect(new Set(plan.invitees.map((i) => i.municipality.key)).size).toBe(plan.invitees.length);
  for (const i of plan.invitees) {
    const body = [...facts.home, ...facts.overseas].find((b) => b.municipality.key === i.municipality.key)!;
    if (i.role === 'NEWCOMER') expect(body.municipality.region === 'Kyushu' && !isExperienced(body)).toBe(true);
    else expect(i.role === 'PARTNER' && body.municipality.country !== 'JP').toBe(true);
    for (const r of i.reasons) expect(r.records.length).toBeGreaterThan(0);
  }
  // Every group says why, in both languages.
  for (const g of plan.groups) {
    expect(g.reasons.length).toBeGreaterThan(0);
    for (const r of g.reasons) expect(r.detail && r.detailJa).toBeTruthy();
  }
  return plan;
}

describe('planStudySession invariants (generated directories)', () => {
  it('holds for any directory and any ask', () => {
    fc.assert(fc.property(directoryArb, askArb, (facts, ask) => void check(facts, ask)), { numRuns: 300 });
  });

  it('is deterministic: the same facts give the same plan', () => {
    fc.assert(
      fc.property(directoryArb, askArb, (facts, ask) => {
        const a = planStudySession(tax, facts, { date: '2027-01-15', ...ask });
        const b = planStudySession(tax, facts, { date: '2027-01-15', ...ask });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 50 },
    );
  });

  it('counts the invitees’ open needs per theme, and never lists a domain and one of its topics as two themes', () => {
    fc.assert(
      fc.property(directoryArb, (facts) => {
        const themes = chooseThemes(tax, facts);
        for (const a of themes) for (const b of themes) if (a !== b) expect(a === tax.domainOf(b) || b === tax.domainOf(a)).toBe(false);
        const plan = check(facts, { groups: 2, groupSize: 3, topics: null });
        for (const t of plan.themes) {
          const needs = plan.invitees.flatMap((i) => [...facts.home, ...facts.overseas].find((b) => b.municipality.key === i.municipality.key)!.needs).filter((n) => n.topicKeys.some((k) => onTheme(tax, t.topicKey, k)));
          expect(t.needCount).toBe(new Set(needs.map((n) => n.key)).size);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('planStudySession on a small directory', () => {
  const body = (key: string, over: Partial<SessionBody> & { exp?: string; lat?: number; lon?: number; region?: string; country?: string } = {}): SessionBody => ({
    municipality: muni({ key, id: `id-${key}`, region: over.region ?? 'Kyushu', country: over.country ?? 'JP', overseasExperience: over.exp ?? 'NONE', latitude: over.lat ?? 33.5, longitude: over.lon ?? 130.4 }),
    expertise: over.expertise ?? [],
    partnerships: over.partnerships ?? [],
    needs: over.needs ?? [],
    caseStudies: over.caseStudies ?? [],
  });
  const abroad = (key: string, topic: string): PartnershipFacts => ({
    key,
    title: `Leakage work ${key}`,
    status: 'COMPLETED',
    scheme: 'JICA_GRASSROOTS',
    role: 'PROVIDER',
    startYear: 2018,
    endYear: 2022,
    summary: null,
    topicKeys: [topic],
    partners: [partnerOf(muni({ key: 'makassar', country: 'ID', region: null }))],
    outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12 }],
  });

  it('gives the second presentation to another city, seats neighbours with the mentor who knows their problem, and says why', () => {
    const star = body('star', { exp: 'EXTENSIVE', partnerships: [abroad('star-leak', 'nrw.leak-detection'), abroad('star-ops', 'treatment.operations')] });
    const second = body('second', { exp: 'EXTENSIVE', lat: 33.9, lon: 130.9, partnerships: [abroad('second-ops', 'treatment.operations')] });
    const a = body('newcomer-a', { lat: 33.3, lon: 130.5, needs: [{ key: 'a-leak', title: 'Leaks in A', topicKeys: ['nrw.leak-detection'] }] });
    const b = body('newcomer-b', { lat: 33.6, lon: 130.2, needs: [{ key: 'b-leak', title: 'Leaks in B', topicKeys: ['nrw.leak-detection'] }, { key: 'b-ops', title: 'Plant in B', topicKeys: ['treatment.operations'] }] });
    const facts: StudySessionFacts = { region: REGION, home: [star, second, a, b], presenters: [], overseas: [], nearbyExperienced: [] };
    const plan = planStudySession(tax, facts, { date: '2027-01-15', groups: 2, groupSize: 2 });
    expect(plan.themes.map((t) => [t.topicKey, t.needCount])).toEqual([
      ['nrw.leak-detection', 2],
      ['treatment.operations', 1],
    ]);
    expect(plan.presentations.map((p) => [p.topicKey, p.municipality.key])).toEqual([
      ['nrw.leak-detection', 'star'],
      ['treatment.operations', 'second'],
    ]);
    expect(plan.presentations[0]!.reasons.find((r) => r.kind === 'EVIDENCE')!.detail).toMatch(/NRW 39%→12%/);
    expect(plan.presentations[0]!.reasons.find((r) => r.kind === 'EVIDENCE')!.records).toContainEqual(expect.objectContaining({ type: 'PARTNERSHIP', key: 'star-leak' }));
    expect(plan.invitees.map((i) => i.municipality.key)).toEqual(['newcomer-a', 'newcomer-b']);
    expect(plan.groups).toHaveLength(2);
    for (const g of plan.groups) expect(g.members.map((m) => m.role).sort()).toEqual(['EXPERIENCED', 'NEWCOMER']);
    const withStar = plan.groups.find((g) => g.members.some((m) => m.municipality.key === 'star'))!;
    const mentoring = withStar.reasons.find((r) => r.kind === 'MENTORING')!;
    expect(mentoring.detail).toMatch(/STAR can mentor NEWCOMER-[AB] on Leak detection and repair/);
    expect(mentoring.records).toContainEqual(expect.objectContaining({ type: 'PARTNERSHIP', key: 'star-leak' }));
    expect(withStar.reasons.map((r) => r.kind)).toContain('NEIGHBOUR');
  });

  it('invites an overseas partner with an open need on a theme, preferring one that worked with Japan', () => {
    const star = body('star', { exp: 'EXTENSIVE', partnerships: [abroad('star-leak', 'nrw.leak-detection')] });
    const a = body('newcomer-a', { needs: [{ key: 'a-leak', title: 'Leaks in A', topicKeys: ['nrw.leak-detection'] }] });
    const tied = body('tied', { country: 'ID', region: 'Asia', needs: [{ key: 't-leak', title: 'Leaks abroad', topicKeys: ['nrw.leak-detection'] }], partnerships: [{ ...abroad('t-p', 'nrw.leak-detection'), role: 'RECIPIENT', partners: [partnerOf(star.municipality, 'PROVIDER')] }] });
    const others = ['x1', 'x2'].map((k) => body(k, { country: 'ID', region: 'Asia', needs: [{ key: `${k}-leak`, title: 'Leaks', topicKeys: ['nrw.leak-detection'] }, { key: `${k}-leak2`, title: 'Leaks 2', topicKeys: ['nrw.leak-detection'] }] }));
    const plan = planStudySession(tax, { region: REGION, home: [star, a], presenters: [], overseas: [...others, tied], nearbyExperienced: [] }, { date: '2027-01-15', groups: 1, groupSize: 3 });
    const partners = plan.invitees.filter((i) => i.role === 'PARTNER').map((i) => i.municipality.key);
    expect(partners).toEqual(['tied', 'x1']);
    expect(plan.invitees.find((i) => i.municipality.key === 'tied')!.reasons.map((r) => r.kind)).toEqual(['OPEN_NEED', 'PRIOR_PARTNER']);
    expect(plan.themes[0]).toMatchObject({ topicKey: 'nrw.leak-detection', needCount: 4 });
  });
});
