import { describe, expect, inject, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../../api/test/api-harness';
import { DEMO_EDITOR, runSql, sharedWebSuite, signIn } from './harness';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('an editor edits their municipality (Chromium, real API, sample directory)', () => {
  const suite = sharedWebSuite(chromiumPath!);

  it('the demo editor signs in → edits an expertise entry → sees the change on the profile', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_EDITOR, '/municipalities/kawasaki');
    await p.page.getByRole('link', { name: 'Edit profile', exact: true }).click();
    await p.page.waitForURL(/\/municipalities\/kawasaki\/edit$/);
    await p.settled();

    const entry = p.page.getByRole('form', { name: 'Expertise: Leak detection and repair' });
    await entry.getByLabel('Level', { exact: true }).selectOption('2');
    await entry.getByLabel('Evidence', { exact: true }).fill('Browser suite: acoustic survey of 40 km of mains, 2026.');
    await entry.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => entry.getByRole('status').textContent()).toBe('Saved.');
    await p.screenshot('editor-expertise-saved-en');

    await p.page.getByRole('link', { name: '← Back to the profile' }).click();
    await p.settled();
    const shown = p.page.locator('#expertise-nrw-leak-detection');
    await expect.poll(() => shown.textContent()).toMatch(/Level 2 of 5.*Browser suite: acoustic survey of 40 km of mains, 2026\./s);

    const server = await suite().api.gql<{ municipality: { expertise: { topicKey: string; level: number; evidence: string }[] } }>(
      '{ municipality(key: "kawasaki") { expertise { topicKey level evidence } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(server.data!.municipality.expertise.find((e) => e.topicKey === 'nrw.leak-detection')).toMatchObject({ level: 2, evidence: 'Browser suite: acoustic survey of 40 km of mains, 2026.' });
    p.expectClean();
  });

  it('the API’s errors appear next to the field they name, and nothing is saved', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_EDITOR, '/municipalities/kawasaki/edit');
    const profile = p.page.locator('#edit-profile form');
    await profile.getByLabel('Website', { exact: true }).fill('not a web address');
    await profile.getByLabel('Contact email', { exact: true }).fill('nobody-at-example');
    await profile.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => profile.locator('.field-invalid').count()).toBe(2);
    const website = profile.getByLabel('Website', { exact: true });
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    // The problem is the API's own words (class-validator's), tied to the control by aria-describedby.
    const describedBy = (await website.getAttribute('aria-describedby'))!.split(' ');
    const problem = await p.page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(problem).toMatch(/URL/i);
    expect(await profile.locator('.field-invalid label').allTextContents()).toEqual(['Website', 'Contact email']);
    expect(await profile.getByRole('alert').textContent()).toMatch(/next to its field/);
    await p.screenshot('editor-field-errors-en');

    const server = await suite().api.gql<{ municipality: { website: string | null } }>('{ municipality(key: "kawasaki") { website } }', {}, TEST_ADMIN_TOKEN);
    expect(server.data!.municipality.website).toBeNull();
    p.expectClean();
  });

  it('freshness shows on the profile; an editor confirms a stale profile and it reads CURRENT', async () => {
    await runSql(suite(), `UPDATE municipality SET last_confirmed_on = DATE '2022-04-01' WHERE key = 'kawasaki'`);

    const p = await suite().newPage();
    await signIn(p, DEMO_EDITOR, '/municipalities/kawasaki');
    const freshness = p.page.locator('#identity .freshness');
    expect(await freshness.getAttribute('data-freshness')).toBe('STALE');
    expect(await freshness.textContent()).toMatch(/Stale.*last confirmed 1 Apr 2022/s);
    await p.page.getByRole('button', { name: 'Confirm it is still true' }).click();
    await expect.poll(() => p.page.locator('#identity .freshness').getAttribute('data-freshness')).toBe('CURRENT');
    expect(await p.page.locator('#identity').getByRole('status').textContent()).toBe('Confirmed today.');
    p.expectClean();

    // Visitors see freshness too, without the button.
    const visitor = await suite().newPage({ lang: 'ja' });
    await visitor.goto('/municipalities/kawasaki');
    expect(await visitor.page.locator('#identity .freshness').textContent()).toMatch(/最新.*最終確認/s);
    expect(await visitor.page.getByRole('button', { name: '内容が現在も正しいことを確認' }).count()).toBe(0);
    visitor.expectClean();
  });
});
