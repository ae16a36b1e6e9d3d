import { JwtService } from '@nestjs/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootLogger, loadConfig } from '@kakehashi/config';
import { AuditEntryEntity, AuditService, TransactionalConnection } from '@kakehashi/database';
import { createRequestContext, isDomainError, Role, systemContext, type Actor } from '@kakehashi/kernel';
import { RecordAccess } from '@kakehashi/directory';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { AccessService } from './access/access.service';
import { AccountService } from './account/account.service';
import { MunicipalityLookup } from './account/municipality-lookup';
import { UserEntity } from './account/user.entity';
import { AUTH_ENTITIES } from './auth.entities';
import { InvitationService } from './invitation/invitation.service';
import { PasswordCheck } from './password/password-check.service';
import { LimiterStore } from './rate-limit/limiter-store';
import { LoginThrottle } from './rate-limit/login-throttle';
import { AccessTokenService } from './session/access-token.service';
import { SessionLiveness } from './session/session-liveness';
import { SessionService } from './session/session.service';

let db: TestDatabase;
let accounts: AccountService;
let sessions: SessionService;
let invitations: InvitationService;
let access: AccessService;
let tokens: AccessTokenService;
const municipalityId: Record<string, string> = {};
const sys = systemContext('test');
const silentLogger = createRootLogger({ LOG_LEVEL: 'silent' });
const anon = createRequestContext();
const as = (actor: Actor) => createRequestContext({ actor });

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isDomainError(e) ? `${e.code}${e.reason ? `/${e.reason}` : ''}` : `not a domain error: ${String(e)}`;
  }
}

beforeAll(async () => {
  db = await createTestDatabase(AUTH_ENTITIES);
  const tx = new TransactionalConnection(db.dataSource);
  const audit = new AuditService(tx);
  const config = loadConfig({ NODE_ENV: 'test', ADMIN_TOKEN: 'an-admin-token-of-16+' });
  const lookup = new MunicipalityLookup(tx);
  const passwords = new PasswordCheck(tx, new LoginThrottle(new LimiterStore(config, silentLogger)));
  const liveness = new SessionLiveness(tx, config);
  tokens = new AccessTokenService(new JwtService({ secret: 'x'.repeat(32) }), config, liveness);
  accounts = new AccountService(tx, lookup, audit, passwords, liveness);
  sessions = new SessionService(tx, accounts, tokens, passwords, liveness, audit, config);
  invitations = new InvitationService(tx, accounts, lookup, sessions, passwords, audit, config);
  access = new AccessService(tx);
  for (const key of ['kawasaki', 'nagoya', 'makassar']) {
    const [row] = await db.dataSource.query(`INSERT INTO municipality (key, name, kind, country) VALUES ($1, $1, 'LOCAL_GOVERNMENT', 'JP') RETURNING id`, [key]);
    municipalityId[key] = row.id;
  }
});
afterAll(() => db?.drop());

describe('accounts and sessions', () => {
  it('map every account entity column to a real column of the same nullability', async () => {
    const columns: { table_name: string; column_name: string; is_nullable: string }[] = await db.dataSource.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.is_nullable === 'YES']));
    const problems = AUTH_ENTITIES.flatMap((e) => db.dataSource.getMetadata(e).columns.map((c) => [`${db.dataSource.getMetadata(e).tableName}.${c.databaseName}`, c.isNullable] as const))
      .filter(([name, nullable]) => actual.get(name) !== nullable)
      .map(([name]) => name);
    expect(problems).toEqual([]);
  });

  it('signs in with the right password only, with one answer for every failure', async () => {
    await accounts.create(sys, { email: 'Coord@Example.org', password: 'coordinator-password', role: Role.COORDINATOR });
    const session = await sessions.login(anon, 'coord@example.org', 'coordinator-password', '10.0.0.1');
    expect(session.account).toMatchObject({ email: 'coord@example.org', role: 'COORDINATOR', municipalityKeys: [] });
    expect(await tokens.verify(session.accessToken)).toEqual({ id: session.account.id, roles: ['COORDINATOR'], municipalityIds: [], sessionId: expect.any(String) });
    expect(await failure(sessions.login(anon, 'coord@example.org', 'wrong-password!!', '10.0.0.1'))).toBe('UNAUTHENTICATED/BAD_CREDENTIALS');
    expect(await failure(sessions.login(anon, 'nobody@example.org', 'coordinator-password', '10.0.0.1'))).toBe('UNAUTHENTICATED/BAD_CREDENTIALS');
    const [user] = await db.dataSource.query(`SELECT password_hash, last_login_at FROM app_user WHERE email = 'coord@example.org'`);
    expect(user.password_hash).toMatch(/^scrypt\$15\$/);
    expect(user.last_login_at).toBeInstanceOf(Date);
  });

  it('refuses a second account for the same email in any case', async () => {
    expect(await failure(accounts.create(sys, { email: 'COORD@example.org', password: 'another-password', role: Role.EDITOR }))).toBe('CONFLICT/ACCOUNT_EXISTS');
  });

  it('rotates refresh tokens, and a replayed one ends the whole session', async () => {
    const first = await sessions.login(anon, 'coord@example.org', 'coordinator-password', '10.0.0.2');
    const second = await sessions.refresh(anon, first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await tokens.verify(second.accessToken)).id).toBe(first.account.id);
    expect(await failure(sessions.refresh(anon, first.refreshToken))).toBe('UNAUTHENTICATED/REFRESH_REUSED');
    // The thief's replay revoked the legitimate holder's newer token too.
    expect(await failure(sessions.refresh(anon, second.refreshToken))).toBe('UNAUTHENTICATED/REFRESH_REUSED');
    expect(await failure(sessions.refresh(anon, 'kkr_made-up'))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    const [stored] = await db.dataSource.query(`SELECT count(*)::int AS n FROM refresh_token WHERE token_hash = $1`, [first.refreshToken]);
    expect(stored.n).toBe(0); // only hashes are stored
  });

  it('logs out by revoking the refresh token', async () => {
    const s = await sessions.login(anon, 'coord@example.org', 'coordinator-password', '10.0.0.3');
    expect(await sessions.logout(anon, s.refreshToken)).toBe(true);
    expect(await failure(sessions.refresh(anon, s.refreshToken))).toBe('UNAUTHENTICATED/REFRESH_REUSED');
    expect(await sessions.logout(anon, 'kkr_unknown')).toBe(true);
  });

  it('throttles failed sign-ins per account and address, even when the password is then right; other addresses still sign in', async () => {
    await accounts.create(sys, { email: 'victim@example.org', password: 'victim-password-1', role: Role.COORDINATOR });
    for (let i = 0; i < 5; i++) expect(await failure(sessions.login(anon, 'victim@example.org', `guess-${i}-password`, '10.1.0.1'))).toBe('UNAUTHENTICATED/BAD_CREDENTIALS');
    // No wall-clock assertion here (a shared CPU makes it flaky): timing belongs to benchmarks.
    expect(await failure(sessions.login(anon, 'victim@example.org', 'victim-password-1', '10.1.0.1'))).toBe('RATE_LIMITED/LOGIN_THROTTLED');
    expect((await sessions.login(anon, 'victim@example.org', 'victim-password-1', '10.1.0.9')).account.email).toBe('victim@example.org');
  });
});

describe('invitations', () => {
  let coordinator: Actor;
  beforeAll(async () => {
    const s = await sessions.login(anon, 'coord@example.org', 'coordinator-password', '10.2.0.1');
    coordinator = await tokens.verify(s.accessToken);
  });

  it('turn a one-time token into an editor of that municipality', async () => {
    const inv = await invitations.invite(as(coordinator), ' Editor.K@Example.org ', 'kawasaki');
    expect(inv).toMatchObject({ email: 'editor.k@example.org', municipalityKey: 'kawasaki', token: expect.stringMatching(/^kki_/) });
    const session = await invitations.accept(anon, inv.token, 'kawasaki-editor-pw', '10.2.0.2');
    expect(session.account).toMatchObject({ email: 'editor.k@example.org', role: 'EDITOR', municipalityKeys: ['kawasaki'] });
    expect(await tokens.verify(session.accessToken)).toMatchObject({ roles: ['EDITOR'], municipalityIds: [municipalityId.kawasaki] });
    expect(await failure(invitations.accept(anon, inv.token, 'kawasaki-editor-pw', '10.2.0.2'))).toBe('BAD_USER_INPUT/INVITATION_INVALID');
    const audit = await db.dataSource.getRepository(AuditEntryEntity).findBy({ entityKey: 'editor.k@example.org' });
    expect(audit.map((a) => a.action).sort()).toEqual(['accept', 'invite']);
    expect(JSON.stringify(audit)).not.toContain(inv.token);
  });

  it('let an existing editor join one more municipality with their own password', async () => {
    const inv = await invitations.invite(as(coordinator), 'editor.k@example.org', 'nagoya');
    expect(await failure(invitations.accept(anon, inv.token, 'not-the-password', '10.2.0.3'))).toBe('UNAUTHENTICATED/BAD_CREDENTIALS');
    const session = await invitations.accept(anon, inv.token, 'kawasaki-editor-pw', '10.2.0.3');
    expect(session.account.municipalityKeys).toEqual(['kawasaki', 'nagoya']);
    expect(await failure(invitations.invite(as(coordinator), 'editor.k@example.org', 'nagoya'))).toBe('CONFLICT/ACCOUNT_EXISTS');
    expect(await failure(invitations.invite(as(coordinator), 'coord@example.org', 'nagoya'))).toBe('CONFLICT/ACCOUNT_EXISTS');
  });

  it('accept a token exactly once under concurrency', async () => {
    const inv = await invitations.invite(as(coordinator), 'race@example.org', 'makassar');
    const results = await Promise.allSettled([1, 2, 3].map((i) => invitations.accept(anon, inv.token, `race-password-${i}`, '10.2.0.4')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'race@example.org'`);
    expect(n).toBe(1);
  });

  it('name an unknown municipality and a bad email', async () => {
    expect(await failure(invitations.invite(as(coordinator), 'x@example.org', 'atlantis'))).toBe('BAD_USER_INPUT/UNKNOWN_REFERENCE');
    expect(await failure(invitations.invite(as(coordinator), 'not an email', 'kawasaki'))).toBe('BAD_USER_INPUT');
  });
});

describe('canEdit', () => {
  it('gives coordinators everything, editors their own, the public nothing, in one query', async () => {
    const editor = await tokens.verify((await sessions.login(anon, 'editor.k@example.org', 'kawasaki-editor-pw', '10.3.0.1')).accessToken);
    const all = Object.values(municipalityId);
    expect(await access.canEdit(as({ id: 'c', roles: [Role.COORDINATOR], municipalityIds: [] }), all)).toEqual(new Set(all));
    expect(await access.canEdit(as(editor), all)).toEqual(new Set([municipalityId.kawasaki, municipalityId.nagoya]));
    expect(await access.canEdit(anon, all)).toEqual(new Set());
    // A forged claim of municipalities in the actor changes nothing: bindings come from the database.
    expect(await access.canEdit(as({ ...editor, municipalityIds: all }), [municipalityId.makassar!])).toEqual(new Set());
    expect(await failure(new RecordAccess(access).assertCanEdit(as(editor), 'need', [{ key: 'makassar-leakage', municipalityId: municipalityId.makassar! }]))).toBe('FORBIDDEN/NOT_YOUR_MUNICIPALITY');
    expect(await failure(new RecordAccess(access).assertCanEdit(as(editor), 'case study', [{ key: 'orphan', municipalityId: null }]))).toBe('FORBIDDEN/NOT_YOUR_MUNICIPALITY');
    expect(await failure(new RecordAccess(access).assertCanEditAny(as(editor), 'partnership', 'p', [municipalityId.makassar!, municipalityId.kawasaki!]))).toBe('no error');
  });

  it('stops a disabled editor at once, and their sessions', async () => {
    const s = await sessions.login(anon, 'editor.k@example.org', 'kawasaki-editor-pw', '10.3.0.2');
    const editor = await tokens.verify(s.accessToken);
    const admin = { id: 'admin-token', roles: [Role.ADMIN, Role.COORDINATOR], municipalityIds: [] };
    await accounts.setDisabled(as(admin), editor.id, true);
    expect(await failure(tokens.verify(s.accessToken))).toBe('UNAUTHENTICATED/SESSION_ENDED');
    expect(await access.canEdit(as(editor), [municipalityId.kawasaki!])).toEqual(new Set());
    expect(await failure(sessions.refresh(anon, s.refreshToken))).toBe('UNAUTHENTICATED/REFRESH_REUSED');
    expect(await failure(sessions.login(anon, 'editor.k@example.org', 'kawasaki-editor-pw', '10.3.0.2'))).toBe('UNAUTHENTICATED/BAD_CREDENTIALS');
    await accounts.setDisabled(as(admin), editor.id, false);
    const user = await db.dataSource.getRepository(UserEntity).findOneByOrFail({ id: editor.id });
    expect(user.disabledAt).toBeNull();
  });
});
