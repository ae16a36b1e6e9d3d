import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@kakehashi/auth';
import { startTestApi, type TestApi } from './api-harness';

/** With the sample directory outside production, the documented demo accounts sign in. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SAMPLE_DATA: 'on' });
}, 120_000);
afterAll(() => api?.close());

describe('demo accounts', () => {
  it('sign in as documented: the Kawasaki editor edits Kawasaki only, the coordinator everything', async () => {
    const sessions: Record<string, string> = {};
    for (const demo of DEMO_ACCOUNTS) {
      const res = await api.gql<{ login: { accessToken: string; account: { role: string; municipalityKeys: string[] } } }>(
        'mutation($i: LoginInput!) { login(input: $i) { accessToken account { role municipalityKeys } } }',
        { i: { email: demo.email, password: demo.password } },
      );
      expect(res.errors, demo.email).toBeUndefined();
      expect(res.data!.login.account).toEqual({ role: demo.role, municipalityKeys: [...demo.municipalityKeys] });
      sessions[demo.role] = res.data!.login.accessToken;
    }
    const rename = (key: string, token: string) =>
      api
        .gql<{ municipality: { version: number } }>('query($k: String!) { municipality(key: $k) { version } }', { k: key })
        .then((r) =>
          api.gql('mutation($k: String!, $v: Int!) { updateMunicipality(input: { key: $k, version: $v, nameJa: "川崎市" }) { key } }', { k: key, v: r.data!.municipality.version }, token),
        );
    expect((await rename('kawasaki', sessions['EDITOR']!)).errors).toBeUndefined();
    expect((await rename('yokohama', sessions['EDITOR']!)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await rename('yokohama', sessions['COORDINATOR']!)).errors).toBeUndefined();
  });
});
