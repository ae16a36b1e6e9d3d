import type { AgendaItem } from '@kakehashi/directory';
import { countryName } from '../scoring/geo';
import type { Taxonomy } from '../scoring/taxonomy';
import type { ResolvedRegion, StudySessionPlan } from './study-session.types';

/** Municipalities one agenda item may name (the event input's limit). */
const ITEM_MUNICIPALITIES = 50;

/** The region as a reader names it: the country's name for a country, else the directory's spelling. */
export const regionLabel = (r: ResolvedRegion): string => (r.scope === 'COUNTRY' ? countryName(r.country) : r.name);

/** The key a saved plan gets unless the coordinator names one: `study-session-kyushu-2027-02-10`. */
export function defaultEventKey(plan: Pick<StudySessionPlan, 'region' | 'date'>): string {
  const region = regionLabel(plan.region).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'region';
  return `study-session-${region}-${plan.date}`.slice(0, 100).replace(/-+$/, '');
}

/**
 * A plan as an event's agenda: the presentations in theme order, then one discussion per group
 * (its members and the topics they share), then who is invited.
 */
export function planAgenda(tax: Taxonomy, plan: StudySessionPlan): AgendaItem[] {
  const invited = plan.invitees.map((i) => i.municipality.key);
  return [
    ...plan.presentations.map((p): AgendaItem => ({ kind: 'PRESENTATION', title: `${tax.labelEn(p.topicKey)}: ${p.municipality.name}`, municipalities: [p.municipality.key], topics: [p.topicKey] })),
    ...plan.groups.map(
      (g): AgendaItem => ({
        kind: 'DISCUSSION',
        title: `Group ${g.number}${g.topicKeys.length ? `: ${g.topicKeys.slice(0, 3).map((t) => tax.labelEn(t)).join(', ')}` : ''}`,
        municipalities: g.members.map((m) => m.municipality.key),
        topics: g.topicKeys.slice(0, 20),
      }),
    ),
    ...(invited.length ? [{ kind: 'OTHER' as const, title: 'Invited: newcomers of the region and overseas partners', municipalities: invited.slice(0, ITEM_MUNICIPALITIES), topics: plan.themes.map((t) => t.topicKey) }] : []),
  ];
}

/** Everyone the agenda names: the planned number of participating bodies. */
export const agendaParticipants = (agenda: readonly AgendaItem[]): number => new Set(agenda.flatMap((a) => a.municipalities)).size;
