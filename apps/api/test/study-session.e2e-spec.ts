import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, CalendarService } from '@kakehashi/directory';
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

describe('saveStudySessionPlan over GraphQL', () => {
  const SAVE = `mutation($i: SaveStudySessionPlanInput!) { saveStudySessionPlan(input: $i) {
    key title date location participants agenda { kind title municipalityKeys topicKeys } } }`;
  const MENTORING = `{ mentoring(municipalityKey: "kurume", first: 1) { mentors { pathway { kind detail records { kind key } } } } }`;

  it('saves the Kyushu plan as a planned event with date, place and agenda, audited; kurume’s pathway then points at it', async () => {
    const on = addDays(date, 60);
    const input = { region: 'Kyushu', date: on, groups: 2, groupSize: 4, location: 'Fukuoka', key: 'kyushu-study-session-e2e' };
    const res = await api.gql<{ saveStudySessionPlan: { key: string; date: string; location: string; participants: number; agenda: { kind: string; municipalityKeys: string[] }[] } }>(SAVE, { i: input }, token['coordinator']);
    expect(res.errors).toBeUndefined();
    const event = res.data!.saveStudySessionPlan;
    expect(event).toMatchObject({ key: 'kyushu-study-session-e2e', date: on, location: 'Fukuoka' });
    expect(event.agenda.filter((a) => a.kind === 'DISCUSSION')).toHaveLength(2);
    expect(event.agenda.filter((a) => a.kind === 'PRESENTATION').length).toBeGreaterThan(0);
    // Readable back as an event.
    const read = await api.gql<{ event: { agenda: unknown[] } }>('{ event(key: "kyushu-study-session-e2e") { agenda { kind municipalityKeys } } }');
    expect(read.data!.event.agenda).toHaveLength(event.agenda.length);
    // Audited, with who did it.
    const audit = await api.gql<{ auditLog: { edges: { node: { action: string; entity: string } }[] } }>(
      '{ auditLog(filter: { entity: "event", entityKey: "kyushu-study-session-e2e" }) { edges { node { action entity } } } }',
      {},
      token['coordinator'],
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog.edges.map((e) => e.node)).toEqual([{ action: 'create', entity: 'event' }]);
    // The mentor pathway's first step now names the planned session.
    const mentoring = await api.gql<{ mentoring: { mentors: { pathway: { kind: string; detail: string; records: { kind: string; key: string }[] }[] }[] } }>(MENTORING);
    const step = mentoring.data!.mentoring.mentors[0]!.pathway[0]!;
    expect(step.kind).toBe('STUDY_SESSION');
    expect(step.records).toContainEqual({ kind: 'EVENT', key: 'kyushu-study-session-e2e' });
    // Saving again under the same key is a conflict; an editor may not save at all.
    expect((await api.gql(SAVE, { i: input }, token['coordinator'])).errors![0]!.extensions!.code).toBe('CONFLICT');
    expect((await api.gql(SAVE, { i: { ...input, key: 'other-key' } }, token['editor'])).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(SAVE, { i: { ...input, key: 'other-key', location: ' ' } }, token['coordinator'])).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('an event’s agenda through createEvent', () => {
  const CREATE = 'mutation($i: CreateEventInput!) { createEvent(input: $i) { key agenda { kind title municipalityKeys topicKeys } } }';
  it('is stored as sent, and refused when it names an unknown municipality or topic', async () => {
    const agenda = [{ kind: 'PRESENTATION', title: 'Leakage in Makassar', municipalities: ['kawasaki'], topics: ['nrw.leak-detection'] }];
    const ok = await api.gql<{ createEvent: { agenda: unknown[] } }>(CREATE, { i: { key: 'agenda-e2e', title: 'Agenda test', agenda } }, token['coordinator']);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createEvent.agenda).toEqual([{ kind: 'PRESENTATION', title: 'Leakage in Makassar', municipalityKeys: ['kawasaki'], topicKeys: ['nrw.leak-detection'] }]);
    const unknown = await api.gql(CREATE, { i: { key: 'agenda-e2e-2', title: 'Agenda test', agenda: [{ ...agenda[0], municipalities: ['kawasaki', 'atlantis'] }] } }, token['coordinator']);
    expect(unknown.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unknown.errors![0]!.extensions)).toContain('input.agenda[0].municipalities[1]');
    const topic = await api.gql(CREATE, { i: { key: 'agenda-e2e-3', title: 'Agenda test', agenda: [{ ...agenda[0], topics: ['nope'] }] } }, token['coordinator']);
    expect(JSON.stringify(topic.errors![0]!.extensions)).toContain('input.agenda[0].topics[0]');
    expect((await api.gql<{ event: unknown }>('{ event(key: "agenda-e2e-2") { key } }')).data!.event).toBeNull();
  });
});
