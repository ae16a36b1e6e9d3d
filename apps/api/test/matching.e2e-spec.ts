import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '@kakehashi/auth';
import { QueryLog } from '@kakehashi/database';
import { Role, systemContext } from '@kakehashi/kernel';
import { startTestApi, TEST_ADMIN_TOKEN, type TestApi } from './api-harness';

let api: TestApi;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
  const accounts = api.app.get(AccountService);
  const sys = systemContext('matching-e2e');
  await accounts.create(sys, { email: 'makassar@matching.example', password: 'makassar-password', role: Role.EDITOR, municipalityKeys: ['makassar'] });
  await accounts.create(sys, { email: 'kawasaki@matching.example', password: 'kawasaki-password', role: Role.EDITOR, municipalityKeys: ['kawasaki'] });
  await accounts.create(sys, { email: 'coordinator@matching.example', password: 'coordinator-password', role: Role.COORDINATOR });
  await accounts.create(sys, { email: 'nagoya@matching.example', password: 'nagoya-password', role: Role.EDITOR, municipalityKeys: ['nagoya'] });
  for (const [name, password] of [
    ['nagoya', 'nagoya-password'],
    ['makassar', 'makassar-password'],
    ['kawasaki', 'kawasaki-password'],
    ['coordinator', 'coordinator-password'],
  ]) {
    const res = await api.gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: `${name}@matching.example`, password } });
    token[name!] = res.data!.login.accessToken;
  }
});
afterAll(() => api?.close());

const SUGGESTION = `municipality { key name } score reasons { kind weight detail detailJa labelEn labelJa records { type key label } } mismatches { kind weight detail }`;

interface Suggestion {
  municipality: { key: string };
  score: number;
  reasons: { kind: string; weight: number; detail: string; detailJa: string; labelJa: string; records: { type: string; key: string }[] }[];
  mismatches: { kind: string; weight: number }[];
  pathway?: { kind: string; records: { type: string; key: string }[] }[];
}

describe('suggestion queries over HTTP (public)', () => {
  it('partnerSuggestions: Kawasaki near the top for Makassar’s leakage need, reasons naming records, in English and Japanese', async () => {
    const res = await api.gql<{ partnerSuggestions: Suggestion[] }>(`query($k: String!) { partnerSuggestions(needKey: $k, first: 5) { ${SUGGESTION} } }`, { k: 'makassar-leakage' });
    expect(res.errors).toBeUndefined();
    const list = res.data!.partnerSuggestions;
    expect(list).toHaveLength(5);
    expect(list.findIndex((s) => s.municipality.key === 'kawasaki')).toBeLessThan(3);
    expect(list.map((s) => s.municipality.key)).not.toContain('makassar');
    const kawasaki = list.find((s) => s.municipality.key === 'kawasaki')!;
    expect(kawasaki.reasons.find((r) => r.kind === 'PRIOR_PARTNER')!.records).toContainEqual({ type: 'PARTNERSHIP', key: 'kawasaki-makassar-leakage', label: expect.any(String) });
    expect(kawasaki.reasons.every((r) => r.labelJa && r.detailJa)).toBe(true);
    expect([...list].sort((a, b) => b.score - a.score)).toEqual(list);
  });

  it('names every record a reason rests on by kind, key and title, so a client can link it; reasons add up to the score', async () => {
    const res = await api.gql<{ partnerSuggestions: { score: number; reasons: { weight: number; records: { kind: string; key: string; title: string | null; type: string }[] }[] }[] }>(
      `{ partnerSuggestions(needKey: "makassar-dma", first: 5) { score reasons { weight records { kind key title type } } } }`,
    );
    expect(res.errors).toBeUndefined();
    for (const s of res.data!.partnerSuggestions) {
      expect(s.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(s.score, 2);
      for (const r of s.reasons) for (const rec of r.records) expect(rec).toMatchObject({ kind: rec.type, key: expect.stringMatching(/\S/) });
    }
    expect(res.data!.partnerSuggestions.flatMap((s) => s.reasons.flatMap((r) => r.records)).some((r) => r.kind === 'PARTNERSHIP' && r.title)).toBe(true);
  });

  it('costs the same number of SQL statements whatever `first` is', async () => {
    const cost = async (first: number) => {
      const before = QueryLog.statements;
      const res = await api.gql(`query($k: String!, $f: Int) { partnerSuggestions(needKey: $k, first: $f) { municipality { key } score } }`, { k: 'yangon-nrw-expansion', f: first });
      expect(res.errors).toBeUndefined();
      return QueryLog.statements - before;
    };
    const small = await cost(2);
    expect(await cost(30)).toBe(small);
    expect(small).toBeLessThan(15);
  });

  it('validates its arguments with coded errors', async () => {
    const bad = await api.gql(`{ partnerSuggestions(needKey: "makassar-leakage", first: 0) { score } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const missing = await api.gql(`{ partnerSuggestions(needKey: "no-such-need") { score } }`);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('peerSuggestions and mentorSuggestions', async () => {
    const peers = await api.gql<{ peerSuggestions: Suggestion[] }>(`{ peerSuggestions(municipalityKey: "makassar", first: 3) { ${SUGGESTION} } }`);
    expect(peers.errors).toBeUndefined();
    expect(peers.data!.peerSuggestions[0]!.reasons.map((r) => r.kind)).toContain('SHARED_CHALLENGE');
    const mentors = await api.gql<{ mentorSuggestions: Suggestion[] }>(`{ mentorSuggestions(municipalityKey: "kurume", first: 3) { ${SUGGESTION} pathway { stage kind titleJa detail records { type key } } } }`);
    expect(mentors.errors).toBeUndefined();
    expect(mentors.data!.mentorSuggestions[0]!.pathway!.map((p) => p.kind)).toEqual(['STUDY_SESSION', 'CO_HOST_TRAINING', 'GRASSROOTS_PROPOSAL']);
  });

  it('consortiumSuggestions covers the need’s topics and says who covers what', async () => {
    const res = await api.gql<{ consortiumSuggestions: { members: { municipality: { key: string }; covers: string[] }[]; uncoveredTopics: string[]; reasons: { kind: string }[] }[] }>(
      `{ consortiumSuggestions(needKey: "phnom-penh-sewage", size: 2) { score coveredTopics uncoveredTopics members { municipality { key } covers score } reasons { kind detail } mismatches { kind } } }`,
    );
    expect(res.errors).toBeUndefined();
    const top = res.data!.consortiumSuggestions[0]!;
    expect(top.uncoveredTopics).toEqual([]);
    expect(top.members.flatMap((m) => m.covers).sort()).toEqual(['people.engineer-training', 'sewerage.treatment']);
  });
});

describe('pairingPlan over HTTP (coordinators)', () => {
  const PLAN = `query($i: PairingPlanInput) { pairingPlan(input: $i) { method totalScore distinctProviders pairs { needKey need { key title } municipality { key } score reasons { kind } } unassigned { needKey reason } greedy { totalScore distinctProviders assigned } providers { municipality { key } remaining assigned } } }`;

  it('is refused to the public and to editors', async () => {
    expect((await api.gql(PLAN)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(PLAN, {}, token['makassar'])).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('plans within capacity and at least as well as greedy', async () => {
    const res = await api.gql<{ pairingPlan: { totalScore: number; pairs: { needKey: string; need: { key: string } }[]; greedy: { totalScore: number }; providers: { remaining: number; assigned: number }[] } }>(
      PLAN,
      { i: { needKeys: ['yangon-nrw-expansion', 'colombo-nrw', 'kigali-hilly-pressure', 'dhaka-dma', 'metro-cebu-nrw'], candidatesPerNeed: 5 } },
      token['coordinator'],
    );
    expect(res.errors).toBeUndefined();
    const plan = res.data!.pairingPlan;
    expect(plan.pairs.length).toBeGreaterThan(0);
    expect(plan.pairs.every((p) => p.need.key === p.needKey)).toBe(true);
    expect(plan.totalScore).toBeGreaterThanOrEqual(plan.greedy.totalScore);
    for (const p of plan.providers) expect(p.assigned).toBeLessThanOrEqual(p.remaining);
  });
});

describe('feedback that cannot be gamed (an outside client over HTTP)', () => {
  const tokyoOn = async (t?: string) =>
    (await api.gql<{ partnerSuggestions: { municipality: { key: string }; score: number; mismatches: { kind: string }[] }[] }>(`{ partnerSuggestions(needKey: "dhaka-dma", first: 30) { municipality { key } score mismatches { kind } } }`, {}, t)).data!.partnerSuggestions.find(
      (s) => s.municipality.key === 'tokyo',
    );
  const dismiss = (t: string) => api.gql(`mutation { dismissSuggestion(input: { list: PARTNER, needKey: "dhaka-dma", candidateKey: "tokyo", reason: NOT_RELEVANT }) { id } }`, {}, t);

  it('a rival editor’s dismissal hides the candidate for that editor only; only the need’s own municipality or a coordinator moves it for others', async () => {
    const before = (await tokyoOn())!;
    expect(before).toBeDefined();
    expect((await dismiss(token['nagoya']!)).errors).toBeUndefined(); // Nagoya's editor, on Dhaka's need
    expect(await tokyoOn(token['nagoya'])).toBeUndefined();
    const afterRival = (await tokyoOn())!;
    expect(afterRival.score).toBe(before.score);
    expect(afterRival.mismatches.map((m) => m.kind)).not.toContain('DISMISSED');
    expect((await dismiss(token['kawasaki']!)).errors).toBeUndefined(); // a second rival changes nothing either
    expect((await tokyoOn())!.score).toBe(before.score);
    expect((await dismiss(token['coordinator']!)).errors).toBeUndefined(); // a coordinator's counts
    const afterCoordinator = (await tokyoOn())!;
    expect(afterCoordinator.score).toBeLessThan(before.score);
    expect(afterCoordinator.mismatches.map((m) => m.kind)).toContain('DISMISSED');
  });

  it('the need’s own municipality’s dismissal moves the ranking for others', async () => {
    const hamamatsu = async (t?: string) =>
      (await api.gql<{ partnerSuggestions: { municipality: { key: string }; score: number; mismatches: { kind: string }[] }[] }>(`{ partnerSuggestions(needKey: "makassar-dma", first: 30) { municipality { key } score mismatches { kind } } }`, {}, t)).data!.partnerSuggestions.find(
        (s) => s.municipality.key === 'hamamatsu',
      );
    const before = (await hamamatsu())!;
    expect(before).toBeDefined();
    const res = await api.gql(`mutation { dismissSuggestion(input: { list: PARTNER, needKey: "makassar-dma", candidateKey: "hamamatsu", reason: ALREADY_IN_CONTACT }) { id } }`, {}, token['makassar']);
    expect(res.errors).toBeUndefined();
    const after = (await hamamatsu())!;
    expect(after.score).toBeLessThan(before.score);
    expect(after.mismatches.map((m) => m.kind)).toContain('DISMISSED');
  });
});

describe('feedback and introductions over HTTP', () => {
  it('a dismissal hides the suggestion for its author only', async () => {
    const list = async (t?: string) =>
      (await api.gql<{ partnerSuggestions: Suggestion[] }>(`{ partnerSuggestions(needKey: "makassar-dma", first: 20) { municipality { key } } }`, {}, t)).data!.partnerSuggestions.map((s) => s.municipality.key);
    expect(await list(token['coordinator'])).toContain('tokyo');
    const res = await api.gql(
      `mutation($i: DismissSuggestionInput!) { dismissSuggestion(input: $i) { id list candidateKey reason } }`,
      { i: { list: 'PARTNER', needKey: 'makassar-dma', candidateKey: 'tokyo', reason: 'NO_CAPACITY', note: 'too busy this year' } },
      token['coordinator'],
    );
    expect(res.errors).toBeUndefined();
    expect(await list(token['coordinator'])).not.toContain('tokyo');
    expect(await list(TEST_ADMIN_TOKEN)).toContain('tokyo');
    expect((await api.gql(`mutation { dismissSuggestion(input: { list: PARTNER, needKey: "makassar-dma", candidateKey: "tokyo", reason: OTHER }) { id } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('the recipient asks, the candidate accepts, and a PROPOSED partnership appears', async () => {
    const asked = await api.gql<{ requestIntroduction: { id: string; status: string; requester: { key: string }; candidate: { key: string } } }>(
      `mutation($i: RequestIntroductionInput!) { requestIntroduction(input: $i) { id status requester { key } candidate { key } need { key } } }`,
      { i: { list: 'PARTNER', needKey: 'makassar-dma', candidateKey: 'kawasaki', message: 'Could you extend the DMA pilot?' } },
      token['makassar'],
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestIntroduction).toMatchObject({ status: 'REQUESTED', requester: { key: 'makassar' }, candidate: { key: 'kawasaki' } });
    const id = asked.data!.requestIntroduction.id;
    const wrongSide = await api.gql(`mutation($i: AcceptIntroductionInput!) { acceptIntroduction(input: $i) { id } }`, { i: { id } }, token['makassar']);
    expect(wrongSide.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const accepted = await api.gql<{ acceptIntroduction: { status: string; partnership: { key: string; status: string; members: { role: string; municipality: { key: string } }[] } } }>(
      `mutation($i: AcceptIntroductionInput!) { acceptIntroduction(input: $i) { status partnership { key status members { role municipality { key } } } } }`,
      { i: { id, note: 'Yes' } },
      token['kawasaki'],
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptIntroduction.status).toBe('ACCEPTED');
    expect(accepted.data!.acceptIntroduction.partnership.status).toBe('PROPOSED');
    expect(accepted.data!.acceptIntroduction.partnership.members).toEqual(
      expect.arrayContaining([
        { role: 'PROVIDER', municipality: { key: 'kawasaki' } },
        { role: 'RECIPIENT', municipality: { key: 'makassar' } },
      ]),
    );
    const again = await api.gql(`mutation($i: DeclineIntroductionInput!) { declineIntroduction(input: $i) { id } }`, { i: { id, reason: 'TIMING' } }, token['kawasaki']);
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    const listed = await api.gql<{ introductions: { id: string; status: string }[] }>(`{ introductions(municipalityKey: "kawasaki") { id status } }`, {}, token['coordinator']);
    expect(listed.data!.introductions).toContainEqual({ id, status: 'ACCEPTED' });
    // Editors see their own municipalities' introductions only, with or without a filter.
    const seenBy = async (who: string, filter = '') =>
      (await api.gql<{ introductions: { id: string }[] }>(`{ introductions${filter} { id } }`, {}, token[who])).data!.introductions.map((i) => i.id);
    expect(await seenBy('kawasaki')).toContain(id);
    expect(await seenBy('makassar')).toContain(id);
    expect(await seenBy('nagoya')).not.toContain(id);
    expect(await seenBy('nagoya', '(municipalityKey: "kawasaki")')).toEqual([]);
  });
});
