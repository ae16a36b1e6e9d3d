import { describe, expect, inject, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../../api/test/api-harness';
import { DEMO_COORDINATOR, DEMO_EDITOR, runSql, sharedWebSuite, signIn } from './harness';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('a coordinator’s upkeep list (Chromium, real API, sample directory)', () => {
  const suite = sharedWebSuite(chromiumPath!);

  it('lists what to chase as the API does, with who can fix it; a stale profile names its editor; Japanese shows detailJa', async () => {
    await runSql(suite(), `UPDATE municipality SET last_confirmed_on = DATE '2021-01-15' WHERE key = 'kawasaki'`);
    const upkeep = await suite().api.gql<{ upkeep: { expiredNeeds: { totalCount: number; items: { key: string }[] }; staleProfiles: { totalCount: number } } }>(
      '{ upkeep { expiredNeeds { totalCount items(first: 100) { key } } staleProfiles { totalCount } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    const expected = upkeep.data!.upkeep;
    expect(expected.expiredNeeds.totalCount).toBeGreaterThan(0);

    const p = await suite().newPage();
    await signIn(p, DEMO_COORDINATOR, '/coordinator');
    await p.page.getByRole('link', { name: 'Upkeep', exact: true }).click();
    await p.page.waitForURL(/\/coordinator\/upkeep$/);
    await p.settled();
    const expired = p.page.locator('#upkeep-expiredNeeds');
    expect(await expired.getByRole('heading', { level: 2 }).textContent()).toBe(`Expired needs (${expected.expiredNeeds.totalCount})`);
    expect(await expired.locator('li.card').evaluateAll((items) => items.map((i) => (i as { getAttribute(n: string): string | null }).getAttribute('data-key')))).toEqual(expected.expiredNeeds.items.map((i) => i.key));
    expect(await expired.locator('[data-key="makassar-leakage"]').textContent()).toMatch(/Reduce underground leakage.*expired on 2026-03-31/s);

    const stale = p.page.locator('#upkeep-staleProfiles');
    expect(await stale.getByRole('heading', { level: 2 }).textContent()).toBe(`Stale profiles (${expected.staleProfiles.totalCount})`);
    const kawasaki = stale.locator('[data-key="kawasaki"]');
    expect(await kawasaki.textContent()).toContain(DEMO_EDITOR.email);
    await p.screenshot('coordinator-upkeep-en');

    await expired.locator('[data-key="makassar-leakage"]').getByRole('link').click();
    await p.page.waitForURL(/\/needs\/makassar-leakage$/);
    p.expectClean();

    const ja = await suite().newPage({ lang: 'ja', width: 390, height: 844 });
    await signIn(ja, DEMO_COORDINATOR, '/coordinator/upkeep');
    expect(await ja.page.locator('#upkeep-expiredNeeds').getByRole('heading', { level: 2 }).textContent()).toMatch(/^期限切れの課題/);
    expect(await ja.page.locator('#upkeep-expiredNeeds [data-key="makassar-leakage"]').textContent()).toMatch(/[\u3040-\u30ff]/);
    await ja.screenshot('coordinator-upkeep-ja-phone');
    ja.expectClean();
  });
});
