import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '@kakehashi/directory';
import { loginAs, startTestApi, type TestApi } from './api-harness';

/*
 * studySessionPlan over GraphQL on the sample directory, in the shape clients rely on (issue 9):
 * themes { topic { key } needCount }, presentations { municipality { key } topic { key } reasons { kind detail } },
 * invitees { municipality { key } reasons { kind detail } }, groups { members { key } reasons { kind detail } }.
 */
const PLAN = `query($i: StudySessionPlanInput!) { studySessionPlan(input: $i) {
  region { scope name country } date
  themes { topic { key labelEn } needCount needs { kind key } }
  presentations { municipality { key } topic { key } reasons { kind detail detailJa records { kind key } } }
  invitees { municipality { key } role topics { key } reasons { kind detail detailJa records { kind key } } }
  groups { number members { key } seats { municipality { key } role } topics { key } reasons { kind detail detailJa weight records { kind key } } }
  unseated { municipality { key } role }
  notes { code detail detailJa }
} }`;

interface Reason { kind: string; detail: string; detailJa: string; records: { kind: string; key: string }[] }
interface Plan {
  region: { scope: string; name: string; country: string };
  date: string;
  themes: { topic: { key: string; labelEn: string }; needCount: number }[];
  presentations: { municipality: { key: string }; topic: { key: string }; reasons: Reason[] }[];
  invitees: { municipality: { key: string }; role: string; topics: { key: string }[]; reasons: Reason[] }[];
  groups: { number: number; members: { key: string }[]; seats: { municipality: { key: string }; role: string }[]; reasons: Reason[] }[];
  unseated: { municipality: { key: string } }[];
  notes: { code: string }[];
}

let api: TestApi;
let date: string;
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
  date = api.app.get(CalendarService).today();
  token['coordinator'] = await loginAs(api, 'coordinator@demo.kakehashi.example', 'jica-demo-coordinator');
  token['editor'] = await loginAs(api, 'editor.kawasaki@demo.kakehashi.example', 'kawasaki-demo-editor');
}, 120_000);
afterAll(() => api?.close());

const plan = (input: Record<string, unknown>, as: string | null = token['coordinator']!) => api.gql<{ studySessionPlan: Plan }>(PLAN, { i: { date, groups: 2, groupSize: 4, ...input } }, as ?? undefined);

describe('studySessionPlan over GraphQL', () => {
  it('plans Kyushu for a coordinator, with reasons in English and Japanese on every part', async () => {
    const res = await plan({ region: 'Kyushu' });
    expect(res.errors).toBeUndefined();
    const p = res.data!.studySessionPlan;
    expect(p.region).toEqual({ scope: 'REGION', name: 'Kyushu', country: 'JP' });
    expect(p.date).toBe(date);
    expect(p.themes.length).toBeGreaterThan(0);
    expect(p.presentations.map((x) => x.topic.key)).toEqual(p.themes.map((t) => t.topic.key).filter((k) => p.presentations.some((x) => x.topic.key === k)));
    expect(p.groups).toHaveLength(2);
    const seated = p.groups.flatMap((g) => g.members.map((m) => m.key));
    expect(new Set(seated).size).toBe(8);
    for (const g of p.groups) {
      expect(g.seats.map((s) => s.municipality.key)).toEqual(g.members.map((m) => m.key));
      expect(g.seats.map((s) => s.role)).toEqual(expect.arrayContaining(['EXPERIENCED', 'NEWCOMER']));
    }
    for (const part of [...p.presentations, ...p.invitees, ...p.groups])
      for (const r of part.reasons) {
        expect(r.detail.length).toBeGreaterThan(0);
        expect(r.detailJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(r.records.length).toBeGreaterThan(0);
      }
  });

  it('plans all of Japan', async () => {
    const res = await plan({ region: 'JP', groups: 6, groupSize: 5 });
    expect(res.errors).toBeUndefined();
    const p = res.data!.studySessionPlan;
    expect(p.groups).toHaveLength(6);
    expect(new Set(p.presentations.map((x) => x.municipality.key)).size).toBe(p.presentations.length);
    expect(p.invitees.filter((i) => i.role === 'NEWCOMER').length).toBeGreaterThanOrEqual(10);
  });

  it('answers coordinators only, and refuses bad input with codes', async () => {
    expect((await plan({ region: 'Kyushu' }, null)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await plan({ region: 'Kyushu' }, token['editor'])).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const unknown = (await plan({ region: 'Atlantis' })).errors![0]!;
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION' });
    const small = (await plan({ region: 'Kyushu', groupSize: 1 })).errors![0]!;
    expect(small.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(small.extensions)).toMatch(/groupSize/);
    expect((await plan({ region: 'Kyushu', date: '2001-01-01' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAST_DATE' });
    expect((await plan({ region: 'Kyushu', date: 'soon' })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
