import type { NestExpressApplication } from '@nestjs/platform-express';
import { createEmptyDatabase } from '@kakehashi/testing';
import { createApiApp } from '../src/bootstrap';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; details?: { path: string; message: string }[]; reason?: string } }[];
}

export interface TestApi {
  app: NestExpressApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  databaseUrl: string;
  /** POST a GraphQL operation; `token` adds Authorization: Bearer. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real API on its own fresh database, listening on a free port. Migrations run at boot exactly
 * as in production. `env` overrides configuration (SAMPLE_DATA is off unless asked for).
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createEmptyDatabase();
  const app = await createApiApp({
    overrides: { DATABASE_URL: db.url, SAMPLE_DATA: 'off', ADMIN_TOKEN: TEST_ADMIN_TOKEN, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env },
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    databaseUrl: db.url,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Signs in through the API and returns the access token. */
export async function loginAs(api: TestApi, email: string, password: string): Promise<string> {
  const res = await api.gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password } });
  return res.data!.login.accessToken;
}
