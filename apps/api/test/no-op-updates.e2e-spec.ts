import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_ADMIN_TOKEN, type GraphQLResponse, type TestApi } from './api-harness';

/*
 * An update that changes nothing writes nothing: the version stays, no audit entry appears and
 * lastConfirmedOn does not move (confirm is how a person says "still true"). A stale version is
 * still a CONFLICT, as it would be for a real change. Driven as an outside client over HTTP.
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const admin = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const res: GraphQLResponse<T> = await api.gql<T>(query, variables, TEST_ADMIN_TOKEN);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

async function auditCount(entity: string, entityKey: string): Promise<number> {
  const data = await admin<{ auditLog: { totalCount: number } }>(`query($f: AuditLogFilter) { auditLog(filter: $f, first: 1) { totalCount } }`, { f: { entity, entityKey } });
  return data.auditLog.totalCount;
}

const municipality = { key: 'noop-town', name: 'Noop Town', nameJa: '無変化市', kind: 'LOCAL_GOVERNMENT', country: 'JP', languages: ['ja', 'en'], latitude: 35.5, capacity: 2 };
const partner = { key: 'noop-partner', name: 'Noop Partner', kind: 'UTILITY', country: 'ID' };

beforeAll(async () => {
  for (const input of [municipality, partner]) await admin(`mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { key } }`, { input });
});

describe('an update that changes nothing', () => {
  it('municipality: same version, no audit entry; a stale version is still a CONFLICT; a real change bumps it', async () => {
    const UPDATE = `mutation($input: UpdateMunicipalityInput!) { updateMunicipality(input: $input) { version name } }`;
    const audits = await auditCount('municipality', municipality.key);
    const same = await admin<{ updateMunicipality: { version: number } }>(UPDATE, { input: { key: municipality.key, version: 1, name: municipality.name, languages: ['ja', 'en'], latitude: 35.5, region: null } });
    expect(same.updateMunicipality.version).toBe(1);
    expect(await auditCount('municipality', municipality.key)).toBe(audits);

    const stale = await api.gql(UPDATE, { input: { key: municipality.key, version: 7, name: municipality.name } }, TEST_ADMIN_TOKEN);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const changed = await admin<{ updateMunicipality: { version: number } }>(UPDATE, { input: { key: municipality.key, version: 1, capacity: 3 } });
    expect(changed.updateMunicipality.version).toBe(2);
    expect(await auditCount('municipality', municipality.key)).toBe(audits + 1);
  });

  it('need (columns and topics): same version, no audit entry', async () => {
    const input = { key: 'noop-need', municipality: partner.key, title: 'Leaks', topics: ['nrw', 'nrw.leak-detection'], schemes: ['JICA_GRASSROOTS'], priority: 'HIGH' };
    await admin(`mutation($input: CreateNeedInput!) { createNeed(input: $input) { key } }`, { input });
    const audits = await auditCount('need', input.key);
    const UPDATE = `mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { version } }`;
    const same = await admin<{ updateNeed: { version: number } }>(UPDATE, { input: { key: input.key, version: 1, title: 'Leaks', topics: input.topics, schemes: input.schemes, municipality: partner.key, description: null } });
    expect(same.updateNeed.version).toBe(1);
    expect(await auditCount('need', input.key)).toBe(audits);
    const reordered = await admin<{ updateNeed: { version: number } }>(UPDATE, { input: { key: input.key, version: 1, topics: ['nrw.leak-detection', 'nrw'] } });
    expect(reordered.updateNeed.version).toBe(2);
  });

  it('partnership (members, outcomes, topics): same version, no audit entry', async () => {
    const input = {
      key: 'noop-partnership',
      title: 'Noop cooperation',
      topics: ['nrw'],
      startYear: 2020,
      members: [
        { municipality: municipality.key, role: 'PROVIDER' },
        { municipality: partner.key, role: 'RECIPIENT' },
      ],
      outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12 }],
    };
    await admin(`mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { key } }`, { input });
    const audits = await auditCount('partnership', input.key);
    const UPDATE = `mutation($input: UpdatePartnershipInput!) { updatePartnership(input: $input) { version } }`;
    const { key, ...fields } = input;
    const same = await admin<{ updatePartnership: { version: number } }>(UPDATE, { input: { key, version: 1, ...fields, outcomes: [{ indicator: 'NRW_PERCENT', before: 39, after: 12, note: null }] } });
    expect(same.updatePartnership.version).toBe(1);
    expect(await auditCount('partnership', key)).toBe(audits);
  });

  it('event, case study and expertise: same version, no audit entry', async () => {
    await admin(`mutation { createEvent(input: { key: "noop-event", title: "Session", date: "2023-12-07" }) { key } }`);
    const event = await admin<{ updateEvent: { version: number } }>(`mutation { updateEvent(input: { key: "noop-event", version: 1, title: "Session", date: "2023-12-07" }) { version } }`);
    expect(event.updateEvent.version).toBe(1);
    expect(await auditCount('event', 'noop-event')).toBe(1);

    await admin(`mutation { createCaseStudy(input: { key: "noop-case", title: "Case", municipality: "noop-town", event: "noop-event", lessons: ["one"], topics: ["nrw"] }) { key } }`);
    const caseStudy = await admin<{ updateCaseStudy: { version: number } }>(
      `mutation { updateCaseStudy(input: { key: "noop-case", version: 1, title: "Case", municipality: "noop-town", event: "noop-event", lessons: ["one"], topics: ["nrw"] }) { version } }`,
    );
    expect(caseStudy.updateCaseStudy.version).toBe(1);
    expect(await auditCount('case-study', 'noop-case')).toBe(1);

    const SET = `mutation { setExpertise(input: { municipality: "noop-town", topic: "nrw", level: 3, evidence: "pilot" }) { version } }`;
    await admin(SET);
    const again = await admin<{ setExpertise: { version: number } }>(SET);
    expect(again.setExpertise.version).toBe(1);
    expect(await auditCount('expertise', 'noop-town/nrw')).toBe(1);
  });
});
