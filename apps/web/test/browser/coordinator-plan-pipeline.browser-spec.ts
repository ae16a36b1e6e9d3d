import { describe, expect, inject, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../../api/test/api-harness';
import { DEMO_COORDINATOR, signIn, sharedWebSuite } from './harness';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('a coordinator plans and moves partnerships (Chromium, real API, sample directory)', () => {
  const suite = sharedWebSuite(chromiumPath!);

  it('the pairing plan: optimal next to greedy, each pair with its reasons, every need left out with why (EXPIRED among them)', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_COORDINATOR, '/coordinator');
    await p.page.getByRole('link', { name: 'Pairing plan' }).click();
    await p.page.waitForURL(/\/coordinator\/plan$/);
    await p.settled();

    const plan = await suite().api.gql<{ pairingPlan: { totalScore: number; pairs: { needKey: string; municipality: { key: string } }[]; greedy: { totalScore: number }; unassigned: { needKey: string; code: string }[] } }>(
      '{ pairingPlan { totalScore pairs { needKey municipality { key } } greedy { totalScore } unassigned { needKey code } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    const expected = plan.data!.pairingPlan;
    const table = p.page.locator('table.comparison');
    expect(await table.locator('thead').textContent()).toMatch(/Optimal.*Greedy/);
    expect(await table.locator('tbody tr').first().textContent()).toBe(`Total score${round(expected.totalScore)}${round(expected.greedy.totalScore)}`);

    const pairs = p.page.locator('#pairs .plan-pair');
    expect(await pairs.count()).toBe(expected.pairs.length);
    const first = pairs.first();
    expect(await first.getAttribute('data-provider')).toBe(expected.pairs[0]!.municipality.key);
    expect(await first.textContent()).toMatch(/Optimal:.*fit \d+%.*Greedy:/s);
    await first.getByText('Why it fits').click();
    expect(await first.locator('.reason').count()).toBeGreaterThan(0);
    expect(await first.locator('.rests-on a').count()).toBeGreaterThan(0);

    const left = p.page.locator('#unassigned li');
    expect(await left.count()).toBe(expected.unassigned.length);
    expect(expected.unassigned.some((u) => u.code === 'EXPIRED')).toBe(true);
    const expired = p.page.locator('#unassigned li[data-code="EXPIRED"]').first();
    expect(await expired.textContent()).toMatch(/Expired.*expired/is);
    await p.screenshot('coordinator-plan-en');
    p.expectClean();
  });

  it('the pipeline board: moving a card changes the partnership’s status through the API', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_COORDINATOR, '/coordinator/pipeline');
    const proposed = p.page.locator('.pipeline-column[data-status="PROPOSED"]');
    const agreed = p.page.locator('.pipeline-column[data-status="AGREED"]');
    const card = proposed.locator('.pipeline-card').first();
    const key = (await card.getAttribute('data-partnership'))!;
    const title = (await card.locator('.card-title').textContent())!;
    const agreedBefore = await agreed.locator('.pipeline-card').count();
    await p.screenshot('coordinator-pipeline-before-en');

    await card.getByRole('button', { name: `Move “${title}” to Agreed` }).click();
    await expect.poll(() => p.page.locator('.pipeline-status').textContent()).toBe(`“${title}” is now Agreed.`);
    await expect.poll(() => agreed.locator(`[data-partnership="${key}"]`).count()).toBe(1);
    expect(await proposed.locator(`[data-partnership="${key}"]`).count()).toBe(0);
    expect(await agreed.locator('.pipeline-card').count()).toBe(agreedBefore + 1);
    await p.screenshot('coordinator-pipeline-after-en');

    const server = await suite().api.gql<{ partnership: { status: string } }>('query($k: String!) { partnership(key: $k) { status } }', { k: key });
    expect(server.data!.partnership.status).toBe('AGREED');
    p.expectClean();
  });

  it('someone not signed in as a coordinator is asked to sign in, and sees no plan', async () => {
    const p = await suite().newPage();
    await p.goto('/coordinator/plan');
    expect(await p.page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to continue');
    expect(await p.page.locator('.plan-pair').count()).toBe(0);
    p.expectClean();
  });
});

const round = (n: number) => new Intl.NumberFormat('en-GB').format(Math.round(n * 100) / 100);
