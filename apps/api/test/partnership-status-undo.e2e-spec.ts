import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '@kakehashi/auth';
import { Role, systemContext } from '@kakehashi/kernel';
import { insertMunicipality, insertPartnership, uniqueKey } from '@kakehashi/testing';
import type { MunicipalityEntity } from '@kakehashi/directory';
import { startTestApi, TEST_ADMIN_TOKEN, type TestApi } from './api-harness';

/*
 * ADR 16, as outside clients see it: a member's editor moves a partnership along its life, but one
 * member cannot cancel a partnership it shares with others — that is a coordinator's decision —
 * and a coordinator can undo a status change (even out of CANCELLED), audited.
 */

let api: TestApi;
let ds: DataSource;
let mine: MunicipalityEntity;
let theirs: MunicipalityEntity;
const token: Record<'editor' | 'coordinator', string> = { editor: '', coordinator: '' };
const sys = systemContext('status-undo');

beforeAll(async () => {
  api = await startTestApi();
  ds = api.app.get(DataSource);
  [mine, theirs] = [await insertMunicipality(ds), await insertMunicipality(ds)];
  const accounts = api.app.get(AccountService);
  await accounts.create(sys, { email: 'member-editor@example.org', password: 'member-editor-password', role: Role.EDITOR, municipalityKeys: [mine.key] });
  await accounts.create(sys, { email: 'status-coordinator@example.org', password: 'status-coordinator-password', role: Role.COORDINATOR });
  for (const [who, email] of [['editor', 'member-editor@example.org'], ['coordinator', 'status-coordinator@example.org']] as const) {
    const res = await api.gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: email.replace('@example.org', '-password') } });
    token[who] = res.data!.login.accessToken;
  }
});
afterAll(() => api?.close());

const CHANGE = 'mutation($k: String!, $s: PartnershipStatus!, $v: Int!) { changePartnershipStatus(key: $k, status: $s, version: $v) { status version } }';
const UNDO = 'mutation($k: String!, $v: Int!) { undoPartnershipStatusChange(input: { key: $k, version: $v }) { status version } }';
const statusOf = async (key: string): Promise<{ status: string; version: number }> => (await ds.query('SELECT status, version FROM partnership WHERE key = $1', [key]))[0];
const actionsOf = async (key: string): Promise<string[]> =>
  (await ds.query(`SELECT action FROM audit_log WHERE entity = 'partnership' AND entity_key = $1 ORDER BY at, id`, [key])).map((r: { action: string }) => r.action);

describe('cancelling a shared partnership', () => {
  it("one member's editor may move it along, but not cancel it alone: FORBIDDEN (SHARED_PARTNERSHIP), nothing written", async () => {
    const p = await insertPartnership(ds, { key: uniqueKey('shared'), status: 'PROPOSED', members: [{ municipality: mine }, { municipality: theirs }] });
    const agreed = await api.gql(CHANGE, { k: p.key, s: 'AGREED', v: 1 }, token.editor);
    expect(agreed.errors).toBeUndefined();
    const cancel = await api.gql(CHANGE, { k: p.key, s: 'CANCELLED', v: 2 }, token.editor);
    expect(cancel.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SHARED_PARTNERSHIP' });
    expect(await statusOf(p.key)).toEqual({ status: 'AGREED', version: 2 });
    expect(await actionsOf(p.key)).toEqual(['change-status']);
  });

  it('a coordinator may cancel it; the only member of a partnership may cancel its own', async () => {
    const shared = await insertPartnership(ds, { key: uniqueKey('shared'), status: 'ACTIVE', members: [{ municipality: mine }, { municipality: theirs }] });
    expect((await api.gql(CHANGE, { k: shared.key, s: 'CANCELLED', v: 1 }, token.coordinator)).errors).toBeUndefined();
    const alone = await insertPartnership(ds, { key: uniqueKey('alone'), status: 'ACTIVE', members: [{ municipality: mine }] });
    expect((await api.gql(CHANGE, { k: alone.key, s: 'CANCELLED', v: 1 }, token.editor)).errors).toBeUndefined();
  });
});

describe('undoing a status change', () => {
  it('a coordinator undoes a cancellation: back to the status before it, audited; undoing the undo redoes it', async () => {
    const p = await insertPartnership(ds, { key: uniqueKey('undo'), status: 'ACTIVE', members: [{ municipality: mine }, { municipality: theirs }] });
    await api.gql(CHANGE, { k: p.key, s: 'CANCELLED', v: 1 }, TEST_ADMIN_TOKEN);
    const undo = await api.gql<{ undoPartnershipStatusChange: { status: string; version: number } }>(UNDO, { k: p.key, v: 2 }, token.coordinator);
    expect(undo.errors).toBeUndefined();
    expect(undo.data!.undoPartnershipStatusChange).toEqual({ status: 'ACTIVE', version: 3 });
    const [entry] = await ds.query(`SELECT before->>'status' AS before, after->>'status' AS after, actor_id FROM audit_log WHERE entity = 'partnership' AND entity_key = $1 AND action = 'undo-status-change'`, [p.key]);
    expect(entry).toMatchObject({ before: 'CANCELLED', after: 'ACTIVE' });
    expect(entry.actor_id).toBeTruthy();

    const redo = await api.gql<{ undoPartnershipStatusChange: { status: string } }>(UNDO, { k: p.key, v: 3 }, token.coordinator);
    expect(redo.data!.undoPartnershipStatusChange.status).toBe('CANCELLED');
    expect(await actionsOf(p.key)).toEqual(['change-status', 'undo-status-change', 'undo-status-change']);
  });

  it("an editor may not undo (FORBIDDEN); nothing to undo or a stale version is refused; nothing written", async () => {
    const p = await insertPartnership(ds, { key: uniqueKey('undo'), status: 'PROPOSED', members: [{ municipality: mine }] });
    const none = await api.gql(UNDO, { k: p.key, v: 1 }, token.coordinator);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_UNDO' });
    await api.gql(CHANGE, { k: p.key, s: 'AGREED', v: 1 }, token.editor);
    const byEditor = await api.gql(UNDO, { k: p.key, v: 2 }, token.editor);
    expect(byEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stale = await api.gql(UNDO, { k: p.key, v: 1 }, token.coordinator);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await statusOf(p.key)).toEqual({ status: 'AGREED', version: 2 });
    expect(await actionsOf(p.key)).toEqual(['change-status']);
  });
});
