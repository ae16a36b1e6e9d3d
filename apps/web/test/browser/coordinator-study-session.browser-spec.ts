import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../../api/test/api-harness';
import { DEMO_COORDINATOR, OUTPUT_DIR, sharedWebSuite, signIn } from './harness';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('a coordinator plans a study session and prints it (Chromium, real API, sample directory)', () => {
  const suite = sharedWebSuite(chromiumPath!);

  it('Kyushu: themes, presentations, invitees and groups with reasons as the API plans them; printing shows the plan alone', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_COORDINATOR, '/coordinator');
    await p.page.getByRole('link', { name: 'Study session plan' }).click();
    await p.page.waitForURL(/\/coordinator\/study-session$/);
    await p.settled();
    const form = p.page.getByRole('form', { name: 'Plan a study session' });
    const date = await form.getByLabel('Date').inputValue();
    await form.getByLabel('Region, prefecture or country').fill('Kyushu');
    await form.getByLabel('Discussion groups').fill('2');
    await form.getByLabel('People per group').fill('4');
    await form.getByRole('button', { name: 'Plan' }).click();
    await p.settled();

    const api = await suite().api.gql<{ studySessionPlan: { themes: unknown[]; presentations: { municipality: { key: string } }[]; invitees: unknown[]; groups: { seats: unknown[] }[] } }>(
      'query($d: String!) { studySessionPlan(input: { region: "Kyushu", date: $d, groups: 2, groupSize: 4 }) { themes { needCount } presentations { municipality { key } } invitees { role } groups { seats { role } } } }',
      { d: date },
      TEST_ADMIN_TOKEN,
    );
    const plan = api.data!.studySessionPlan;
    expect(await p.page.locator('.session-plan h2').first().textContent()).toMatch(/^Study session: Kyushu, /);
    expect(await p.page.locator('.session-themes > li').count()).toBe(plan.themes.length);
    expect(await p.page.locator('#session-presentations .session-item').count()).toBe(plan.presentations.length);
    expect(await p.page.locator('#session-invitees .session-item').count()).toBe(plan.invitees.length);
    expect(await p.page.locator('.session-group').count()).toBe(plan.groups.length);
    expect(await p.page.locator('.session-group').first().locator('.session-seats li').count()).toBe(plan.groups[0]!.seats.length);
    expect(await p.page.locator('.session-group').first().locator('.reason').count()).toBeGreaterThan(0);
    expect(await p.page.locator('#session-presentations .reason').count()).toBeGreaterThan(0);
    await p.screenshot('coordinator-study-session-en');

    await p.page.emulateMedia({ media: 'print' });
    expect(await p.page.locator('.site-header').isVisible()).toBe(false);
    expect(await form.isVisible()).toBe(false);
    expect(await p.page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await p.page.locator('.session-plan').isVisible()).toBe(true);
    await p.page.pdf({ path: join(OUTPUT_DIR, 'coordinator-study-session.pdf'), format: 'A4', printBackground: false });
    p.expectClean();
  });

  it('the API’s problem with the input shows beside its field', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_COORDINATOR, '/coordinator/study-session');
    const form = p.page.getByRole('form', { name: 'Plan a study session' });
    await form.getByLabel('Discussion groups').fill('99');
    await form.getByRole('button', { name: 'Plan' }).click();
    const groups = form.getByLabel('Discussion groups');
    await expect.poll(() => groups.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-invalid .field-problem').count()).toBe(1);
    p.expectClean();
  });
});
