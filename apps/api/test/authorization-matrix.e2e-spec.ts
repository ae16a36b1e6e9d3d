import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService, InvitationService, SessionService } from '@kakehashi/auth';
import { Role, systemContext } from '@kakehashi/kernel';
import { insertCaseStudy, insertEvent, insertExpertise, insertMunicipality, insertNeed, insertPartnership, uniqueKey } from '@kakehashi/testing';
import { startTestApi, type TestApi } from './api-harness';
import { matchingMatrixRows } from './matching-matrix';

/**
 * Every mutation, as anonymous, editor of A, editor of B, coordinator and administrator:
 * allowed or refused as the policy says, and a refused call changes nothing in the database.
 */
const ACTORS = ['anonymous', 'editorA', 'editorB', 'coordinator', 'admin'] as const;
type ActorName = (typeof ACTORS)[number];
const PASSWORD: Record<Exclude<ActorName, 'anonymous'>, string> = {
  editorA: 'editor-a-password',
  editorB: 'editor-b-password',
  coordinator: 'coordinator-password',
  admin: 'administrator-password',
};

let api: TestApi;
let ds: DataSource;
const token: Partial<Record<ActorName, string>> = {};
const sys = systemContext('matrix');
let A: { id: string; key: string };
let B: { id: string; key: string };
let C: { id: string; key: string };
let throwaway: { id: string; email: string; password: string };

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

const version = async (table: string, key: string): Promise<number> => (await ds.query(`SELECT version FROM ${table} WHERE key = $1`, [key]))[0].version;

async function freshRefreshToken(): Promise<string> {
  return (await api.app.get(SessionService).login(sys, throwaway.email, throwaway.password, '10.9.9.9')).refreshToken;
}

const EVERYONE: ActorName[] = [...ACTORS];
const COORDINATORS: ActorName[] = ['coordinator', 'admin'];
const EDITOR_OF_A: ActorName[] = ['editorA', 'coordinator', 'admin'];
const SIGNED_IN: ActorName[] = ['editorA', 'editorB', 'coordinator', 'admin'];

/** mutation → who may call it, and how to build one fresh, valid call (run before each attempt). */
const MATRIX: Record<string, { allowed: ActorName[]; prepare: (actor: ActorName) => Promise<Operation> }> = {
  login: {
    allowed: EVERYONE,
    prepare: async () => ({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { email: throwaway.email, password: throwaway.password } } }),
  },
  refreshSession: {
    allowed: EVERYONE,
    prepare: async () => ({ query: 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', variables: { t: await freshRefreshToken() } }),
  },
  logout: { allowed: EVERYONE, prepare: async () => ({ query: 'mutation($t: String!) { logout(refreshToken: $t) }', variables: { t: await freshRefreshToken() } }) },
  acceptInvitation: {
    allowed: EVERYONE,
    prepare: async () => {
      const invitation = await api.app.get(InvitationService).invite(sys, `${uniqueKey('invitee')}@example.org`, A.key);
      return { query: 'mutation($t: String!) { acceptInvitation(input: { token: $t, password: "invitee-password" }) { accessToken } }', variables: { t: invitation.token } };
    },
  },
  changePassword: {
    allowed: SIGNED_IN,
    prepare: async (actor) => {
      const current = actor === 'anonymous' ? 'whatever-password' : PASSWORD[actor];
      return { query: 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', variables: { i: { currentPassword: current, newPassword: current } } };
    },
  },
  inviteEditor: {
    allowed: COORDINATORS,
    prepare: async () => ({ query: 'mutation($e: String!, $m: String!) { inviteEditor(input: { email: $e, municipalityKey: $m }) { token } }', variables: { e: `${uniqueKey('inv')}@example.org`, m: A.key } }),
  },
  setAccountMunicipalities: {
    allowed: COORDINATORS,
    prepare: async () => ({ query: 'mutation($u: ID!, $m: [String!]!) { setAccountMunicipalities(input: { userId: $u, municipalityKeys: $m }) { id } }', variables: { u: throwaway.id, m: [C.key] } }),
  },
  setAccountDisabled: {
    allowed: COORDINATORS,
    prepare: async () => ({ query: 'mutation($u: ID!) { setAccountDisabled(input: { userId: $u, disabled: false }) { id } }', variables: { u: throwaway.id } }),
  },
  createMunicipality: {
    allowed: COORDINATORS,
    prepare: async () => ({ query: 'mutation($k: String!) { createMunicipality(input: { key: $k, name: "New City", kind: LOCAL_GOVERNMENT, country: "JP" }) { id } }', variables: { k: uniqueKey('new') } }),
  },
  updateMunicipality: {
    allowed: EDITOR_OF_A,
    prepare: async (actor) => ({
      query: 'mutation($k: String!, $v: Int!, $n: String!) { updateMunicipality(input: { key: $k, version: $v, name: $n }) { version } }',
      variables: { k: A.key, v: await version('municipality', A.key), n: `A as seen by ${actor}` },
    }),
  },
  confirmMunicipality: {
    allowed: EDITOR_OF_A,
    prepare: async () => ({ query: 'mutation($k: String!, $v: Int!) { confirmMunicipality(input: { key: $k, version: $v }) { version } }', variables: { k: A.key, v: await version('municipality', A.key) } }),
  },
  confirmNeed: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const need = await insertNeed(ds, A);
      return { query: 'mutation($k: String!) { confirmNeed(input: { key: $k, version: 1 }) { version } }', variables: { k: need.key } };
    },
  },
  confirmPartnership: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const p = await insertPartnership(ds, { members: [{ municipality: A }, { municipality: C }] });
      return { query: 'mutation($k: String!) { confirmPartnership(input: { key: $k, version: 1 }) { version } }', variables: { k: p.key } };
    },
  },
  deleteMunicipality: {
    allowed: COORDINATORS,
    prepare: async () => {
      const doomed = await insertMunicipality(ds);
      return { query: 'mutation($k: String!) { deleteMunicipality(key: $k, version: 1) }', variables: { k: doomed.key } };
    },
  },
  setExpertise: {
    allowed: EDITOR_OF_A,
    prepare: async (actor) => ({
      query: 'mutation($m: String!, $e: String!) { setExpertise(input: { municipality: $m, topic: "nrw.leak-detection", level: 4, evidence: $e }) { level } }',
      variables: { m: A.key, e: `set by ${actor}` },
    }),
  },
  removeExpertise: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      await ds.query(`DELETE FROM expertise WHERE municipality_id = $1 AND topic_key = 'treatment.operations'`, [A.id]);
      await insertExpertise(ds, A, 'treatment.operations');
      return { query: 'mutation($m: String!) { removeExpertise(municipality: $m, topic: "treatment.operations") }', variables: { m: A.key } };
    },
  },
  createNeed: {
    allowed: EDITOR_OF_A,
    prepare: async () => ({ query: 'mutation($k: String!, $m: String!) { createNeed(input: { key: $k, municipality: $m, title: "Leakage" }) { id } }', variables: { k: uniqueKey('need'), m: A.key } }),
  },
  updateNeed: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const need = await insertNeed(ds, A);
      return { query: 'mutation($k: String!) { updateNeed(input: { key: $k, version: 1, title: "Renamed" }) { version } }', variables: { k: need.key } };
    },
  },
  extendNeed: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const need = await insertNeed(ds, A, { expiresOn: '2020-03-31' });
      return { query: 'mutation($k: String!) { extendNeed(input: { key: $k, version: 1, expiresOn: null }) { status } }', variables: { k: need.key } };
    },
  },
  reopenNeed: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const need = await insertNeed(ds, A, { status: 'CLOSED' });
      return { query: 'mutation($k: String!) { reopenNeed(input: { key: $k, version: 1 }) { status } }', variables: { k: need.key } };
    },
  },
  createCaseStudy: {
    allowed: EDITOR_OF_A,
    prepare: async () => ({ query: 'mutation($k: String!, $m: String!) { createCaseStudy(input: { key: $k, municipality: $m, title: "Lessons" }) { id } }', variables: { k: uniqueKey('case'), m: A.key } }),
  },
  updateCaseStudy: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const cs = await insertCaseStudy(ds, { municipalityId: A.id });
      return { query: 'mutation($k: String!) { updateCaseStudy(input: { key: $k, version: 1, summary: "More" }) { version } }', variables: { k: cs.key } };
    },
  },
  createEvent: {
    allowed: COORDINATORS,
    prepare: async () => ({ query: 'mutation($k: String!) { createEvent(input: { key: $k, title: "Study session" }) { id } }', variables: { k: uniqueKey('event') } }),
  },
  updateEvent: {
    allowed: COORDINATORS,
    prepare: async () => {
      const event = await insertEvent(ds);
      return { query: 'mutation($k: String!) { updateEvent(input: { key: $k, version: 1, location: "online" }) { version } }', variables: { k: event.key } };
    },
  },
  createPartnership: {
    allowed: COORDINATORS,
    prepare: async () => ({
      query: 'mutation($k: String!, $a: String!, $c: String!) { createPartnership(input: { key: $k, title: "Twinning", members: [{ municipality: $a, role: PROVIDER }, { municipality: $c, role: RECIPIENT }] }) { id } }',
      variables: { k: uniqueKey('partnership'), a: A.key, c: C.key },
    }),
  },
  updatePartnership: {
    allowed: COORDINATORS,
    prepare: async () => {
      const p = await insertPartnership(ds, { members: [{ municipality: A }, { municipality: C }] });
      return { query: 'mutation($k: String!) { updatePartnership(input: { key: $k, version: 1, summary: "Updated" }) { version } }', variables: { k: p.key } };
    },
  },
  changePartnershipStatus: {
    allowed: EDITOR_OF_A,
    prepare: async () => {
      const p = await insertPartnership(ds, { status: 'PROPOSED', members: [{ municipality: A }, { municipality: C }] });
      return { query: 'mutation($k: String!) { changePartnershipStatus(key: $k, status: AGREED, version: 1) { status } }', variables: { k: p.key } };
    },
  },
  saveStudySessionPlan: {
    allowed: COORDINATORS,
    prepare: async () => ({
      query: 'mutation($k: String!) { saveStudySessionPlan(input: { key: $k, region: "JP", date: "2099-01-01", groups: 1, groupSize: 2, location: "online" }) { key agenda { kind } } }',
      variables: { k: uniqueKey('session') },
    }),
  },
  undoPartnershipStatusChange: {
    allowed: COORDINATORS,
    prepare: async () => {
      const p = await insertPartnership(ds, { status: 'AGREED', members: [{ municipality: A }, { municipality: C }] });
      await ds.query(`INSERT INTO audit_log (action, entity, entity_key, before, after) VALUES ('change-status', 'partnership', $1, '{"status":"PROPOSED"}', '{"status":"AGREED"}')`, [p.key]);
      return { query: 'mutation($k: String!) { undoPartnershipStatusChange(input: { key: $k, version: 1 }) { status } }', variables: { k: p.key } };
    },
  },
  // The matchmaker's mutations (rows kept by its owner next to this file).
  ...matchingMatrixRows({ ds: () => ds, A: () => A, SIGNED_IN, EDITOR_OF_A }),
};

/** Reads only coordinators (and administrators) may make, each with one valid call. */
const COORDINATOR_READS: Record<string, Operation> = {
  upkeep: { query: '{ upkeep { asOf expiredNeeds { totalCount items(first: 5) { key fixers { email } } } } }' },
  studySessionPlan: { query: '{ studySessionPlan(input: { region: "JP", date: "2099-01-01", groups: 1, groupSize: 2 }) { themes { needCount } groups { members { key } } } }' },
};

/** A digest of every row of every table, in one statement: equal digests, nothing changed. */
let fingerprintSql: string | undefined;
async function fingerprint(): Promise<string> {
  if (!fingerprintSql) {
    const tables: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    fingerprintSql = tables.map(({ table_name: t }) => `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`).join(' UNION ALL ');
  }
  const rows: { t: string; h: string }[] = await ds.query(fingerprintSql);
  return rows.map((r) => `${r.t}:${r.h}`).join(',');
}

beforeAll(async () => {
  api = await startTestApi({ ADMIN_EMAIL: 'admin@matrix.example', ADMIN_PASSWORD: PASSWORD.admin });
  ds = api.app.get(DataSource);
  [A, B, C] = [await insertMunicipality(ds), await insertMunicipality(ds), await insertMunicipality(ds)];
  const accounts = api.app.get(AccountService);
  await accounts.create(sys, { email: 'editor-a@matrix.example', password: PASSWORD.editorA, role: Role.EDITOR, municipalityKeys: [A.key] });
  await accounts.create(sys, { email: 'editor-b@matrix.example', password: PASSWORD.editorB, role: Role.EDITOR, municipalityKeys: [B.key] });
  await accounts.create(sys, { email: 'coordinator@matrix.example', password: PASSWORD.coordinator, role: Role.COORDINATOR });
  const t = await accounts.create(sys, { email: 'throwaway@matrix.example', password: 'throwaway-password', role: Role.EDITOR, municipalityKeys: [C.key] });
  throwaway = { id: t.id, email: t.email, password: 'throwaway-password' };
  const emails = { editorA: 'editor-a@matrix.example', editorB: 'editor-b@matrix.example', coordinator: 'coordinator@matrix.example', admin: 'admin@matrix.example' };
  for (const actor of SIGNED_IN) {
    const res = await api.gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: emails[actor as keyof typeof emails], password: PASSWORD[actor as keyof typeof PASSWORD] },
    });
    token[actor] = res.data!.login.accessToken;
  }
});
afterAll(() => api?.close());

describe('authorization matrix', () => {
  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(api.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields()).sort();
    expect(mutations.filter((m) => !MATRIX[m]), 'mutations missing from the authorization matrix: add a row').toEqual([]);
  });

  it('allows and refuses exactly as declared, and refused calls change nothing', async () => {
    const expected: Record<string, Record<ActorName, string>> = {};
    const actual: Record<string, Record<ActorName, string>> = {};
    const changedByRefusal: string[] = [];
    for (const [mutation, row] of Object.entries(MATRIX)) {
      expected[mutation] = {} as Record<ActorName, string>;
      actual[mutation] = {} as Record<ActorName, string>;
      for (const actor of ACTORS) {
        const allowed = row.allowed.includes(actor);
        expected[mutation][actor] = allowed ? 'allowed' : actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        const op = await row.prepare(actor);
        const before = allowed ? '' : await fingerprint();
        const res = await api.gql(op.query, op.variables, token[actor]);
        actual[mutation][actor] = res.errors ? `${res.errors[0]!.extensions?.code}${res.errors.length > 1 ? '+' : ''}` : 'allowed';
        if (!allowed && (await fingerprint()) !== before) changedByRefusal.push(`${mutation} as ${actor}`);
      }
    }
    expect(actual).toEqual(expected);
    expect(changedByRefusal).toEqual([]);
  }, 180_000); // every mutation × five actors, each with a fresh call: minutes on a loaded CI machine

  it('answers coordinator-only reads to coordinators and administrators only', async () => {
    const expected: Record<string, Record<ActorName, string>> = {};
    const actual: Record<string, Record<ActorName, string>> = {};
    for (const [read, op] of Object.entries(COORDINATOR_READS)) {
      expected[read] = {} as Record<ActorName, string>;
      actual[read] = {} as Record<ActorName, string>;
      for (const actor of ACTORS) {
        expected[read][actor] = COORDINATORS.includes(actor) ? 'allowed' : actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        const res = await api.gql(op.query, op.variables, token[actor]);
        actual[read][actor] = res.errors ? String(res.errors[0]!.extensions?.code) : 'allowed';
      }
    }
    expect(actual).toEqual(expected);
  });

  it('stops an editor from moving records out of or into municipalities they do not edit', async () => {
    const needOfA = await insertNeed(ds, A);
    const needOfB = await insertNeed(ds, B);
    const partnershipOfB = await insertPartnership(ds, { status: 'PROPOSED', members: [{ municipality: B }, { municipality: C }] });
    const before = await fingerprint();
    const move = (key: string, to: string) =>
      api.gql('mutation($k: String!, $m: String!) { updateNeed(input: { key: $k, version: 1, municipality: $m }) { key } }', { k: key, m: to }, token.editorA);
    expect((await move(needOfA.key, B.key)).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_MUNICIPALITY' });
    expect((await move(needOfB.key, A.key)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const orphan = await api.gql('mutation($k: String!) { createCaseStudy(input: { key: $k, title: "No owner" }) { id } }', { k: uniqueKey('case') }, token.editorA);
    expect(orphan.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const status = await api.gql('mutation($k: String!) { changePartnershipStatus(key: $k, status: AGREED, version: 1) { status } }', { k: partnershipOfB.key }, token.editorA);
    expect(status.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toBe(before);
  });

  it('records every allowed change in the audit log with the actor', async () => {
    const rows: { actor_id: string; action: string; entity: string }[] = await ds.query(`SELECT actor_id, action, entity FROM audit_log WHERE entity IN ('need', 'municipality')`);
    const editorA = (await ds.query(`SELECT id FROM app_user WHERE email = 'editor-a@matrix.example'`))[0].id;
    expect(rows.some((r) => r.actor_id === editorA && r.entity === 'municipality' && r.action === 'update')).toBe(true);
    expect(rows.some((r) => r.actor_id === editorA && r.entity === 'need' && r.action === 'create')).toBe(true);
  });
});
