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
 * 1. join the next study session — only a future event is ever offered (what the mentor presented
 *    at an earlier one is cited as something to read); with none planned, the step says so;
 * 2. co-host an issue-specific training with the mentor on the newcomer's strongest topic;
 * 3. propose a grassroots project with the mentor's advice, for an open need abroad that the
 *    newcomer's expertise answers (modelled on the mentor's own grassroots work).
 */
export function firstSteps(tax: Taxonomy, me: ProfileFacts, mentor: MentorFacts, nextEvent: EventFacts | null, needsAbroad: readonly OpenNeedAbroad[]): PathwayStep[] {
  const name = mentor.municipality.name;
  const nameJa = mentor.municipality.nameJa ?? name;
  const presented = [...mentor.caseStudies].filter((c) => c.eventKey).sort((a, b) => (b.eventDate ?? '').localeCompare(a.eventDate ?? '') || a.key.localeCompare(b.key))[0];
  const session: RecordRef[] = [
    ...(nextEvent ? [{ type: 'EVENT' as const, key: nextEvent.key, label: nextEvent.title }] : []),
    ...(presented ? [{ type: 'CASE_STUDY' as const, key: presented.key, label: presented.title }] : []),
  ];
  const when = nextEvent ? `"${nextEvent.title}"${nextEvent.date ? ` on ${nextEvent.date}` : ''}` : '';
  const whenJa = nextEvent ? `「${nextEvent.title}」${nextEvent.date ? `（${nextEvent.date}）` : ''}` : '';
  const read = presented ? `; before it, read what ${name} presented: "${presented.title}"` : '';
  const readJa = presented ? `。事前に${nameJa}の事例発表「${presented.title}」を読む` : '';
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
      titleEn: 'Join the next study session',
      titleJa: '次回の勉強会に参加する',
      detail: nextEvent
        ? `Join the next study session, ${when}, with ${name}${read}`
        : `No study session is scheduled yet: ask JICA's domestic office when the next one is planned, and join it with ${name}${read}`,
      detailJa: nextEvent
        ? `次回の勉強会${whenJa}に${nameJa}とともに参加する${readJa}`
        : `次回の勉強会はまだ予定されていない。JICA国内機関に開催予定を確認し、${nameJa}とともに参加する${readJa}`,
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
