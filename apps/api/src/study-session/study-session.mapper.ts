import type { MunicipalityEntity } from '@kakehashi/directory';
import type { MunicipalityFacts, SessionSeat, StudySessionPlan } from '@kakehashi/matching';
import { toRecordRef, toReasonModel } from '../matching/matching.mapper';
import { toMunicipalityModel } from '../municipality/municipality.mapper';
import { StudySessionPlanModel } from './study-session.model';

/** The planner reads municipalities as entities (FactsQueryService); the facts type only narrows them. */
const muni = (m: MunicipalityFacts) => toMunicipalityModel(m as MunicipalityEntity);
const seat = (s: SessionSeat) => ({ municipality: muni(s.municipality), role: s.role });

export function toStudySessionPlanModel(p: StudySessionPlan): StudySessionPlanModel {
  return Object.assign(new StudySessionPlanModel(), {
    region: p.region,
    date: p.date,
    themes: p.themes.map((t) => ({ topicKey: t.topicKey, needCount: t.needCount, needs: t.needs.map(toRecordRef) })),
    presentations: p.presentations.map((x) => ({ municipality: muni(x.municipality), topicKey: x.topicKey, reasons: x.reasons.map(toReasonModel) })),
    invitees: p.invitees.map((i) => ({ municipality: muni(i.municipality), role: i.role, topicKeys: i.topicKeys, reasons: i.reasons.map(toReasonModel) })),
    groups: p.groups.map((g) => ({ number: g.number, members: g.members.map((m) => muni(m.municipality)), seats: g.members.map(seat), topicKeys: g.topicKeys, reasons: g.reasons.map(toReasonModel) })),
    unseated: p.unseated.map(seat),
    notes: p.notes.map((n) => ({ code: n.code, detail: n.detail, detailJa: n.detailJa, records: n.records.map(toRecordRef) })),
  });
}
