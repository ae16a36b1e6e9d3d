import { describe, expect, inject, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../../api/test/api-harness';
import { DEMO_EDITOR, signIn, sharedWebSuite } from './harness';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('an edit that meets someone else’s change (Chromium, real API)', () => {
  const suite = sharedWebSuite(chromiumPath!);

  it('a CONFLICT is explained; loading the current version keeps the typed text, shows the saved one, and the next save succeeds', async () => {
    const p = await suite().newPage();
    await signIn(p, DEMO_EDITOR, '/municipalities/kawasaki/edit');
    const entry = p.page.getByRole('form', { name: 'Expertise: Leak detection and repair' });
    const evidence = entry.getByLabel('Evidence', { exact: true });
    const mine = 'Mine: district metered areas in Kawasaki-ku, 2025.';
    await evidence.fill(mine);

    // Meanwhile a coordinator changes the same entry (its version moves on).
    const current = await suite().api.gql<{ municipality: { expertise: { topicKey: string; level: number; provenance: string | null; source: string | null; version: number }[] } }>(
      '{ municipality(key: "kawasaki") { expertise { topicKey level provenance source version } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    const before = current.data!.municipality.expertise.find((e) => e.topicKey === 'nrw.leak-detection')!;
    const theirs = 'Theirs: updated by the coordinator.';
    const changed = await suite().api.gql(
      'mutation($v: Int!, $l: Int!, $e: String!, $p: Provenance, $s: String) { setExpertise(input: { municipality: "kawasaki", topic: "nrw.leak-detection", level: $l, evidence: $e, provenance: $p, source: $s, version: $v }) { version } }',
      { v: before.version, l: before.level, e: theirs, p: before.provenance, s: before.source },
      TEST_ADMIN_TOKEN,
    );
    expect(changed.errors).toBeUndefined();

    await entry.getByRole('button', { name: 'Save' }).click();
    const alert = entry.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Someone else changed this record.*Nothing you typed is lost/s);
    expect(await evidence.inputValue()).toBe(mine);
    await p.screenshot('editor-conflict-en');

    await alert.getByRole('button', { name: 'Load the current version (keep my text)' }).click();
    await expect.poll(() => entry.locator('.field-saved').textContent()).toBe(`Saved now: ${theirs}`);
    expect(await evidence.inputValue()).toBe(mine);
    expect(await entry.getByRole('alert').count()).toBe(0);
    await p.screenshot('editor-conflict-reloaded-en');

    await entry.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => entry.getByRole('status').textContent()).toBe('Saved.');
    const after = await suite().api.gql<{ municipality: { expertise: { topicKey: string; evidence: string }[] } }>(
      '{ municipality(key: "kawasaki") { expertise { topicKey evidence } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(after.data!.municipality.expertise.find((e) => e.topicKey === 'nrw.leak-detection')!.evidence).toBe(mine);
    p.expectClean();
  });
});
