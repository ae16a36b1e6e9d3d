import type { CaseStudyEntity, EventEntity } from '@kakehashi/directory';
import { CaseStudyModel, EventModel } from './case-study.model';

export function toCaseStudyModel(c: CaseStudyEntity): CaseStudyModel {
  return Object.assign(new CaseStudyModel(), {
    id: c.id,
    key: c.key,
    title: c.title,
    municipalityId: c.municipalityId,
    eventId: c.eventId,
    summary: c.summary,
    lessons: c.lessons,
    provenance: c.provenance,
    source: c.source,
    version: c.version,
  });
}

export function toEventModel(e: EventEntity): EventModel {
  return Object.assign(new EventModel(), {
    id: e.id,
    key: e.key,
    title: e.title,
    date: e.date,
    location: e.location,
    participants: e.participants,
    agenda: (e.agenda ?? []).map((a) => ({ kind: a.kind, title: a.title, municipalityKeys: a.municipalities, topicKeys: a.topics })),
    provenance: e.provenance,
    source: e.source,
    version: e.version,
  });
}
