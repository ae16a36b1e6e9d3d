import { Client } from 'pg';
import { TEST_ADMIN_TOKEN, type TestApi } from './api-harness';

/** What an outside client sees of one GraphQL POST: status, headers and body. */
export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; retryAfter?: number } }[];
}

export interface CallOptions {
  /** Bearer token. */
  token?: string;
  /** The client address a trusted proxy reports (X-Forwarded-For; the API must run with TRUST_PROXY=1). */
  from?: string;
  headers?: Record<string, string>;
}

/** One GraphQL request over HTTP against `baseUrl`, as any client would send it. */
export async function call<T = Record<string, unknown>>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<HttpAnswer<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  account: { id: string; email: string; role: string };
}

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken account { id email role } } }';

export const login = (baseUrl: string, email: string, password: string, options: CallOptions = {}) =>
  call<{ login: Session }>(baseUrl, LOGIN, { i: { email, password } }, options);

export const changePassword = (baseUrl: string, currentPassword: string, newPassword: string, options: CallOptions) =>
  call<{ changePassword: boolean }>(baseUrl, 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', { i: { currentPassword, newPassword } }, options);

let municipalities = 0;

/**
 * A new editor account (through an invitation, as a coordinator would make one) bound to a fresh
 * municipality; returns its email and password.
 */
export async function createEditor(api: TestApi, name: string): Promise<{ email: string; password: string; municipalityKey: string }> {
  const municipalityKey = `${name}-town-${++municipalities}`;
  const db = new Client({ connectionString: api.databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO municipality (key, name, kind, country) VALUES ($1, $1, 'LOCAL_GOVERNMENT', 'JP')`, [municipalityKey]);
  } finally {
    await db.end();
  }
  const email = `${name}@example.org`;
  const password = `${name}-password-1`;
  const invite = await call<{ inviteEditor: { token: string } }>(
    api.url,
    'mutation($e: String!, $m: String!) { inviteEditor(input: { email: $e, municipalityKey: $m }) { token } }',
    { e: email, m: municipalityKey },
    { token: TEST_ADMIN_TOKEN },
  );
  if (!invite.data) throw new Error(`invite failed: ${JSON.stringify(invite.errors)}`);
  const accepted = await call(api.url, 'mutation($t: String!, $p: String!) { acceptInvitation(input: { token: $t, password: $p }) { accessToken } }', {
    t: invite.data.inviteEditor.token,
    p: password,
  });
  if (!accepted.data) throw new Error(`acceptInvitation failed: ${JSON.stringify(accepted.errors)}`);
  return { email, password, municipalityKey };
}

/** An administrator created at start (ADMIN_EMAIL / ADMIN_PASSWORD), for tests that sign in. */
export const TEST_ADMIN = { ADMIN_EMAIL: 'rid-admin@example.org', ADMIN_PASSWORD: 'rid-admin-password-1' };

/** The request ids of the audit log's `login` entries (newest first). */
export async function auditedLoginRequestIds(api: TestApi): Promise<string[]> {
  const res = await call<{ auditLog: { edges: { node: { requestId: string } }[] } }>(
    api.url,
    '{ auditLog(filter: { action: "login" }, first: 50) { edges { node { requestId } } } }',
    {},
    { token: TEST_ADMIN_TOKEN },
  );
  return res.data!.auditLog.edges.map((e) => e.node.requestId);
}
