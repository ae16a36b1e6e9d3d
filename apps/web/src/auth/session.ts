import { ApiError, gqlRequest, type RequestOptions } from '../api/client';
import { LoginDocument, LogoutDocument, RefreshSessionDocument, type SessionFieldsFragment, type TypedDocumentString } from '../gql/graphql';

/**
 * The signed-in session, outside React so the API client can use it (docs/adr/0011: token storage).
 * The access token lives only in memory; the refresh token in sessionStorage, so a reload of
 * this tab stays signed in, a new tab or a closed browser does not. Nothing is in a cookie, so
 * no request is sent with credentials the page did not add itself (no CSRF).
 */
export type Account = SessionFieldsFragment['account'];

export interface SessionState {
  status: 'anonymous' | 'restoring' | 'signed-in';
  account: Account | null;
}

const REFRESH_KEY = 'kakehashi.refresh';
/** Refresh this long before the access token expires. */
const EARLY_MS = 30_000;

let state: SessionState = { status: 'anonymous', account: null };
let accessToken: string | null = null;
let accessExpiresAt = 0;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function accept(session: SessionFieldsFragment): void {
  accessToken = session.accessToken;
  accessExpiresAt = Date.parse(session.accessTokenExpiresAt);
  storage()?.setItem(REFRESH_KEY, session.refreshToken);
  setState({ status: 'signed-in', account: session.account });
}

function clear(): void {
  accessToken = null;
  accessExpiresAt = 0;
  storage()?.removeItem(REFRESH_KEY);
  setState({ status: 'anonymous', account: null });
}

export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  async signIn(email: string, password: string, lang?: string): Promise<Account> {
    const data = await gqlRequest(LoginDocument, { input: { email, password } }, { lang });
    accept(data.login);
    return data.login.account;
  },

  async signOut(): Promise<void> {
    const refreshToken = storage()?.getItem(REFRESH_KEY);
    clear();
    if (refreshToken) await gqlRequest(LogoutDocument, { refreshToken }).catch(() => undefined);
  },

  /** Trades the stored refresh token for a new pair, once at a time. False when there is no session. */
  refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const refreshToken = storage()?.getItem(REFRESH_KEY);
      if (!refreshToken) return false;
      try {
        accept((await gqlRequest(RefreshSessionDocument, { refreshToken })).refreshSession);
        return true;
      } catch (error) {
        // A refused token ends the session; a network failure keeps it for the next try.
        if (!(error instanceof ApiError) || error.code !== 'NETWORK') clear();
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  },

  /** At start: resume this tab's session, if it has one. */
  async restore(): Promise<void> {
    if (!storage()?.getItem(REFRESH_KEY)) return;
    setState({ status: 'restoring', account: null });
    if (!(await session.refresh()) && state.status === 'restoring') setState({ status: 'anonymous', account: null });
  },
};

/** A current access token (refreshed first when about to expire), or null when anonymous. */
async function currentToken(): Promise<string | null> {
  if (refreshing) await refreshing;
  if (accessToken && Date.now() > accessExpiresAt - EARLY_MS) await session.refresh();
  return accessToken;
}

/**
 * `gqlRequest` as the signed-in account (anonymous otherwise). An access token the API no
 * longer accepts is refreshed once and the request retried.
 */
export async function authedRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: Omit<RequestOptions, 'token'> = {},
): Promise<TResult> {
  const token = await currentToken();
  try {
    return await gqlRequest(document, variables, { ...options, token });
  } catch (error) {
    if (!token || !(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED' || !(await session.refresh())) throw error;
    return gqlRequest(document, variables, { ...options, token: accessToken });
  }
}

/** Whether `account` may act for `municipalityKey`: its editors, and every coordinator. */
export function canActFor(account: Account | null, municipalityKey: string): boolean {
  if (!account) return false;
  if (account.role === 'COORDINATOR' || account.role === 'ADMIN') return true;
  return account.role === 'EDITOR' && account.municipalityKeys.includes(municipalityKey);
}
