import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestApi, type TestApi } from './api-harness';

const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' };
let api: TestApi;

const AUTH_FIELDS = 'accessToken refreshToken accessTokenExpiresAt account { id email role municipalityKeys }';
type Auth = { accessToken: string; refreshToken: string; accessTokenExpiresAt: string; account: { id: string; email: string; role: string; municipalityKeys: string[] } };

async function login(email: string, password: string) {
  return api.gql<{ login: Auth }>(`mutation($i: LoginInput!) { login(input: $i) { ${AUTH_FIELDS} } }`, { i: { email, password } });
}

beforeAll(async () => {
  api = await startTestApi({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const db = new Client({ connectionString: api.databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO municipality (key, name, kind, country, contact_email) VALUES
    ('kawasaki', 'Kawasaki City', 'LOCAL_GOVERNMENT', 'JP', 'intl@kawasaki.example'), ('nagoya', 'Nagoya City', 'LOCAL_GOVERNMENT', 'JP', NULL)`);
  await db.end();
});
afterAll(() => api?.close());

/**
 * The invitation flow that makes editor@kawasaki.example, run once by whichever test needs that
 * editor first: no test depends on another having run before it.
 */
let invited: Promise<void> | undefined;
const invitationFlow = (): Promise<void> =>
  (invited ??= (async () => {
      const invite = await api.gql<{ inviteEditor: { token: string; email: string; municipalityKey: string } }>(
        `mutation { inviteEditor(input: { email: "editor@kawasaki.example", municipalityKey: "kawasaki" }) { token email municipalityKey expiresAt } }`,
        {},
        TEST_ADMIN_TOKEN,
      );
      expect(invite.errors).toBeUndefined();
      const { token } = invite.data!.inviteEditor;
      const accept = await api.gql<{ acceptInvitation: Auth }>(`mutation($t: String!) { acceptInvitation(input: { token: $t, password: "kawasaki-editor-1" }) { ${AUTH_FIELDS} } }`, { t: token });
      expect(accept.data!.acceptInvitation.account).toMatchObject({ email: 'editor@kawasaki.example', role: 'EDITOR', municipalityKeys: ['kawasaki'] });
      const again = await api.gql(`mutation($t: String!) { acceptInvitation(input: { token: $t, password: "kawasaki-editor-1" }) { accessToken } }`, { t: token });
      expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
      // An editor is not a coordinator.
      const editorToken = accept.data!.acceptInvitation.accessToken;
      const denied = await api.gql(`mutation { inviteEditor(input: { email: "x@example.org", municipalityKey: "nagoya" }) { token } }`, {}, editorToken);
      expect(denied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const anonymous = await api.gql(`mutation { inviteEditor(input: { email: "x@example.org", municipalityKey: "nagoya" }) { token } }`);
      expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  })());

describe('accounts over HTTP', () => {
  it('creates the ADMIN_EMAIL administrator at start, who signs in and sees themself', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.errors).toBeUndefined();
    const { accessToken, account } = res.data!.login;
    expect(account).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
    expect(new Date(res.data!.login.accessTokenExpiresAt).getTime() - Date.now()).toBeGreaterThan(800_000); // 15 min TTL
    const me = await api.gql<{ me: { email: string; role: string } }>('{ me { email role } }', {}, accessToken);
    expect(me.data!.me).toEqual({ email: ADMIN.email, role: 'ADMIN' });
  });

  it('answers anonymous `me` with null and a wrong password with UNAUTHENTICATED', async () => {
    expect((await api.gql('{ me { id } }')).data).toEqual({ me: null });
    const res = await login(ADMIN.email, 'not-the-password');
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    expect(res.errors![0]!.message).toBe('Email or password is wrong');
  });

  it('keeps ADMIN_TOKEN working as an administrator bearer', async () => {
    const me = await api.gql<{ me: { id: string; email: string | null; role: string } }>('{ me { id email role } }', {}, TEST_ADMIN_TOKEN);
    expect(me.data!.me).toEqual({ id: 'admin-token', email: null, role: 'ADMIN' });
  });

  it('refuses a forged, tampered or malformed bearer token even on public operations', async () => {
    const { accessToken } = (await login(ADMIN.email, ADMIN.password)).data!.login;
    const [h, p] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', sub: claims.sub })).toString('base64url')}.${'A'.repeat(43)}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    for (const bad of [forged, none, 'garbage', `${accessToken}x`]) {
      const res = await api.gql('{ topics { key } }', {}, bad);
      expect(res.errors?.[0]?.extensions?.code, bad).toBe('UNAUTHENTICATED');
    }
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: '{"query":"{ me { id } }"}' });
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('runs the invitation flow: coordinator invites, invitee sets a password and edits that municipality', () => invitationFlow());

  it('rotates refresh tokens and logs out', async () => {
    const first = (await login(ADMIN.email, ADMIN.password)).data!.login;
    const refresh = (t: string) => api.gql<{ refreshSession: Auth }>(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`, { t });
    const second = await refresh(first.refreshToken);
    expect(second.data!.refreshSession.account.email).toBe(ADMIN.email);
    expect((await refresh(first.refreshToken)).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_REUSED' });
    const third = (await login(ADMIN.email, ADMIN.password)).data!.login;
    expect((await api.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: third.refreshToken })).data).toEqual({ logout: true });
    expect((await refresh(third.refreshToken)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('lets coordinators manage editors and list nobody’s password', async () => {
    await invitationFlow();
    const editor = (await login('editor@kawasaki.example', 'kawasaki-editor-1')).data!.login;
    const set = await api.gql<{ setAccountMunicipalities: { municipalityKeys: string[] } }>(
      `mutation($id: ID!) { setAccountMunicipalities(input: { userId: $id, municipalityKeys: ["kawasaki", "nagoya"] }) { municipalityKeys } }`,
      { id: editor.account.id },
      TEST_ADMIN_TOKEN,
    );
    expect(set.data!.setAccountMunicipalities.municipalityKeys).toEqual(['kawasaki', 'nagoya']);
    const byEditor = await api.gql(`mutation($id: ID!) { setAccountDisabled(input: { userId: $id, disabled: true }) { disabled } }`, { id: editor.account.id }, editor.accessToken);
    expect(byEditor.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('shows contact details to signed-in users only, wherever a municipality appears', async () => {
    await invitationFlow();
    const query = '{ municipality(key: "kawasaki") { key contactEmail } municipalities(first: 5) { edges { node { key contactEmail } } } }';
    type Result = { municipality: { contactEmail: string | null }; municipalities: { edges: { node: { key: string; contactEmail: string | null } }[] } };
    const anonymous = await api.gql<Result>(query);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.municipality.contactEmail).toBeNull();
    expect(anonymous.data!.municipalities.edges.map((e) => e.node.contactEmail)).toEqual([null, null]);
    const editor = (await login('editor@kawasaki.example', 'kawasaki-editor-1')).data!.login.accessToken;
    const signedIn = await api.gql<Result>(query, {}, editor);
    expect(signedIn.data!.municipality.contactEmail).toBe('intl@kawasaki.example');
    expect(signedIn.data!.municipalities.edges.find((e) => e.node.key === 'kawasaki')!.node.contactEmail).toBe('intl@kawasaki.example');
  });

  it('lists accounts and the audit log for coordinators only, with filters', async () => {
    await invitationFlow();
    const editor = (await login('editor@kawasaki.example', 'kawasaki-editor-1')).data!.login.accessToken;
    const accounts = '{ accounts(first: 10) { totalCount edges { node { email role municipalityKeys } } } }';
    const listed = await api.gql<{ accounts: { totalCount: number; edges: { node: { email: string } }[] } }>(accounts, {}, TEST_ADMIN_TOKEN);
    expect(listed.data!.accounts.edges.map((e) => e.node.email)).toEqual(['admin@example.org', 'editor@kawasaki.example']);
    expect((await api.gql(accounts, {}, editor)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(accounts)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    const audit = `query($f: AuditLogFilter) { auditLog(filter: $f, first: 5) { totalCount edges { node { action entity entityKey actorId actorEmail requestId after } } } }`;
    type AuditResult = { auditLog: { totalCount: number; edges: { node: { action: string; entityKey: string; actorId: string; actorEmail: string | null; requestId: string; after: Record<string, unknown> } }[] } };
    const invites = await api.gql<AuditResult>(audit, { f: { entity: 'invitation', action: 'invite' } }, TEST_ADMIN_TOKEN);
    expect(invites.errors).toBeUndefined();
    expect(invites.data!.auditLog.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ action: 'invite', entityKey: 'editor@kawasaki.example', actorId: 'admin-token', actorEmail: null, after: expect.objectContaining({ municipalityKey: 'kawasaki' }) }),
    ]);
    const logins = await api.gql<AuditResult>(audit, { f: { action: 'login', entityKey: 'editor@kawasaki.example' } }, TEST_ADMIN_TOKEN);
    expect(logins.data!.auditLog.totalCount).toBeGreaterThanOrEqual(1); // this test's own sign-in, at least
    expect(logins.data!.auditLog.edges[0]!.node.actorEmail).toBe('editor@kawasaki.example');
    expect((await api.gql(audit, {}, editor)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(audit, { f: {} }, editor)).data).toBeNull();
  });

  // On a server of its own: locking this client's address out must not touch the other tests.
  it('limits failed sign-ins per client IP with RATE_LIMITED', async () => {
    const own = await startTestApi({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    try {
      const ownLogin = (email: string, password: string) =>
        own.gql<{ login: Auth }>(`mutation($i: LoginInput!) { login(input: $i) { ${AUTH_FIELDS} } }`, { i: { email, password } });
      let last: Awaited<ReturnType<typeof ownLogin>> | undefined;
      for (let i = 0; i < 25; i++) {
        last = await ownLogin(`nobody${i}@example.org`, 'wrong-password-x');
        if (last.errors?.[0]?.extensions?.code === 'RATE_LIMITED') break;
      }
      expect(last!.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOGIN_THROTTLED' });
      const locked = await ownLogin(ADMIN.email, ADMIN.password);
      expect(locked.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    } finally {
      await own.close();
    }
  });
});
