import type { OpenNeedFacts, ProfileFacts } from './peer-score';
import type { MentorFacts } from './mentor-score';
import { workAbroad } from './mentor-score';
import type { RecordRef } from './reason';
import type { Taxonomy } from './taxonomy';
import type { PathwayStep } from '../suggestion';

/** An open need abroad a newcomer could help with. */
export interface OpenNeedAbroad extends OpenNeedFacts {
  country: string;
  municipalityName: string;
  priority: string | null;
}

export interface EventFacts {
  key: string;
  title: string;
  date: string | null;
}

/**
 * The staged first steps with one mentor, each tied to real records where they exist:
 * 1. join a study session (where the mentor presented, else the latest one);
 * 2. co-host an issue-specific training with the mentor on the newcomer's strongest topic;
 * 3. propose a grassroots project with the mentor's advice, for an open need abroad that the
 *    newcomer's expertise answers (modelled on the mentor's own grassroots work).
 */
export function firstSteps(tax: Taxonomy, me: ProfileFacts, mentor: MentorFacts, latestEvent: EventFacts | null, needsAbroad: readonly OpenNeedAbroad[]): PathwayStep[] {
  const name = mentor.municipality.name;
  const presented = [...mentor.caseStudies].filter((c) => c.eventKey).sort((a, b) => (b.eventDate ?? '').localeCompare(a.eventDate ?? '') || a.key.localeCompare(b.key))[0];
  const session: RecordRef[] = presented
    ? [
        { type: 'EVENT', key: presented.eventKey!, label: presented.eventTitle ?? presented.eventKey! },
        { type: 'CASE_STUDY', key: presented.key, label: presented.title },
      ]
    : latestEvent
      ? [{ type: 'EVENT', key: latestEvent.key, label: latestEvent.title }]
      : [];
  const strongest = [...me.expertise].sort((a, b) => b.level - a.level || a.topicKey.localeCompare(b.topicKey))[0];
  const topic = strongest?.topicKey ?? 'people.trainee-hosting';
  const training = mentor.partnerships.filter((p) => p.scheme === 'JICA_ISSUE_SPECIFIC_TRAINING' || p.topicKeys.includes('people.trainee-hosting'));
  const trainingRefs: RecordRef[] = [
    ...(strongest ? [{ type: 'EXPERTISE' as const, key: `${me.municipality.key}:${strongest.topicKey}`, label: tax.labelEn(strongest.topicKey) }] : []),
    ...mentor.expertise.filter((e) => e.topicKey === 'people.trainee-hosting').map((e) => ({ type: 'EXPERTISE' as const, key: `${mentor.municipality.key}:${e.topicKey}`, label: tax.labelEn(e.topicKey) })),
    ...training.slice(0, 2).map((p) => ({ type: 'PARTNERSHIP' as const, key: p.key, label: p.title })),
  ];
  const myTopics = me.expertise.map((e) => e.topicKey);
  const need = needsAbroad.find((n) => n.topicKeys.some((t) => myTopics.some((m) => tax.match(t, m))));
  const model = workAbroad(mentor).find((p) => p.scheme === 'JICA_GRASSROOTS');
  const proposalRefs: RecordRef[] = [
    ...(need ? [{ type: 'NEED' as const, key: need.key, label: need.title }] : []),
    ...(model ? [{ type: 'PARTNERSHIP' as const, key: model.key, label: model.title }] : []),
  ];
  return [
    {
      stage: 1,
      kind: 'STUDY_SESSION',
      titleEn: 'Join a study session',
      titleJa: '勉強会に参加する',
      detail: presented ? `Join the study sessions where ${name} shares its work (it presented "${presented.title}")` : `Join the next study session for municipalities (${latestEvent?.title ?? 'JICA study sessions'})`,
      detailJa: presented ? `${mentor.municipality.nameJa ?? name}が事例を発表する勉強会に参加する（「${presented.title}」）` : '自治体向けの勉強会に参加する',
      records: session,
    },
    {
      stage: 2,
      kind: 'CO_HOST_TRAINING',
      titleEn: 'Co-host an issue-specific training',
      titleJa: '課題別研修を共同で受け入れる',
      detail: `Co-host JICA trainees with ${name} on ${tax.labelEn(topic)}${training.length ? `, as ${name} does in "${training[0]!.title}"` : ''}`,
      detailJa: `${mentor.municipality.nameJa ?? name}と共同で「${tax.labelJa(topic)}」の研修員を受け入れる`,
      records: trainingRefs,
    },
    {
      stage: 3,
      kind: 'GRASSROOTS_PROPOSAL',
      titleEn: 'Propose a grassroots project',
      titleJa: '草の根技術協力を提案する',
      detail: need
        ? `Propose a JICA grassroots project, with ${name}'s advice, for "${need.title}" (${need.municipalityName})${model ? `, modelled on "${model.title}"` : ''}`
        : `Propose a JICA grassroots project with ${name}'s advice${model ? `, modelled on "${model.title}"` : ''}`,
      detailJa: need ? `${mentor.municipality.nameJa ?? name}の助言を得て「${need.title}」（${need.municipalityName}）への草の根技術協力を提案する` : `${mentor.municipality.nameJa ?? name}の助言を得て草の根技術協力を提案する`,
      records: proposalRefs,
    },
  ];
}
