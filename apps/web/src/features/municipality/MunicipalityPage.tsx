import { Link, useParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { expertiseAnchor, paths } from '../../app/paths';
import { IntroductionsDocument, MentorSuggestionsDocument, MunicipalityProfileDocument, PeerSuggestionsDocument, type MunicipalityProfileQuery } from '../../gql/graphql';
import { canActFor } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import type { MatchList } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useNames } from '../../ui/Names';
import { PageTitle, Section } from '../../ui/Page';
import { ProvenanceBadge } from '../../ui/Provenance';
import { Loading, NotFound, QueryState } from '../../ui/QueryState';
import { TopicList } from '../../ui/Topics';
import { CaseStudySummary } from '../knowledge/CaseStudySummary';
import { SuggestionList } from '../matching/SuggestionList';
import { PartnershipSummary } from '../partnership/PartnershipSummary';
import { ProfileFreshness } from '../editing/ProfileFreshness';

type Profile = NonNullable<MunicipalityProfileQuery['municipality']>;

function Identity({ m }: { m: Profile }) {
  const { t, fmt } = useI18n();
  const rows: [string, React.ReactNode][] = [
    [t.common.kind, t.enums.kind[m.kind]],
    [t.common.country, fmt.country(m.country)],
    [t.common.region, [m.subdivision, m.region].filter((x): x is string => !!x).map((x) => fmt.place(x, m.country)).join(' · ') || null],
    [t.common.organization, m.organization],
    [t.common.population, m.population === null ? null : fmt.number(m.population)],
    [t.common.languages, m.languages.length ? fmt.list(m.languages.map(fmt.language)) : null],
    [t.common.overseasExperience, m.overseasExperience && t.enums.experience[m.overseasExperience]],
    [t.common.capacity, m.capacity === null ? null : t.common.capacityValue(m.capacity)],
    [t.municipality.pinLater, m.latitude !== null && m.longitude !== null ? `${fmt.number(m.latitude)}, ${fmt.number(m.longitude)}` : null],
    [
      t.common.website,
      m.website && (
        <a href={m.website} rel="noopener noreferrer external" target="_blank">
          {m.website}
        </a>
      ),
    ],
    [t.common.contact, m.contactEmail && <a href={`mailto:${m.contactEmail}`}>{m.contactEmail}</a>],
  ];
  return (
    <Section id="identity" title={t.municipality.identity}>
      <dl className="facts">
        {rows
          .filter(([, value]) => value !== null && value !== '' && value !== undefined)
          .map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <ProvenanceBadge provenance={m.provenance} source={m.source} />
      <p className="meta">{t.common.updated(fmt.date(m.updatedAt))}</p>
      <ProfileFreshness m={m} />
    </Section>
  );
}

function Expertise({ m }: { m: Profile }) {
  const { t, pick } = useI18n();
  return (
    <Section id="expertise" title={t.municipality.expertise} intro={t.municipality.expertiseIntro}>
      {m.expertise.length === 0 ? (
        <p>{t.common.none}</p>
      ) : (
        <ul className="expertise-list">
          {m.expertise.map((e) => (
            <li key={e.topic.key} id={expertiseAnchor(e.topic.key)} className="card" tabIndex={-1}>
              <h3 className="card-title">
                <Link href={paths.directory({ topic: e.topic.key })}>{pick(e.topic.labelEn, e.topic.labelJa)}</Link>
              </h3>
              <p className="level">
                <meter min={0} max={5} value={e.level} aria-hidden="true" /> {t.common.levelOf(e.level)}
              </p>
              {e.evidence && (
                <p>
                  <span className="list-label">{t.municipality.evidence}:</span> {e.evidence}
                </p>
              )}
              <ProvenanceBadge provenance={e.provenance} source={e.source} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Needs({ m }: { m: Profile }) {
  const { t, fmt } = useI18n();
  const open = m.needs.filter((n) => n.status === 'OPEN');
  const other = m.needs.filter((n) => n.status !== 'OPEN');
  const item = (n: Profile['needs'][number]) => (
    <li key={n.key} className="card">
      <h3 className="card-title">
        <Link href={paths.need(n.key)}>{n.title}</Link>
      </h3>
      <p className="meta">
        {t.enums.needStatus[n.status]}
        {n.priority && ` · ${t.need.priority}: ${t.enums.priority[n.priority]}`}
        {n.expiresOn && ` · ${t.common.expires(fmt.date(n.expiresOn))}`}
      </p>
      {n.description && <p>{n.description}</p>}
      <TopicList topics={n.topics} />
      <ProvenanceBadge provenance={n.provenance} source={n.source} />
    </li>
  );
  return (
    <Section id="needs" title={t.municipality.needs}>
      {open.length ? <ul className="cards">{open.map(item)}</ul> : <p>{t.common.none}</p>}
      {other.length > 0 && (
        <>
          <h3>{t.municipality.otherNeeds}</h3>
          <ul className="cards">{other.map(item)}</ul>
        </>
      )}
    </Section>
  );
}

/**
 * What someone who may act for this municipality can do on its peer or mentor list: the list to
 * act on and the introductions already asked for (candidate key → status), or undefined.
 */
function useActions(municipalityKey: string, list: MatchList) {
  const { t } = useI18n();
  const mayAct = canActFor(useSession().account, municipalityKey);
  const intros = useApiQuery(IntroductionsDocument, { municipalityKey }, { enabled: mayAct });
  const introductions = new Map(
    (intros.data?.introductions ?? []).filter((i) => i.list === list && i.requester.key === municipalityKey).map((i) => [i.candidate.key, t.enums.introStatus[i.status]]),
  );
  return mayAct ? { actFor: { list, municipalityKey }, introductions } : { actFor: undefined, introductions };
}

function Peers({ municipalityKey }: { municipalityKey: string }) {
  const { t } = useI18n();
  const peers = useApiQuery(PeerSuggestionsDocument, { key: municipalityKey, first: 3 });
  const actions = useActions(municipalityKey, 'PEER');
  return (
    <Section id="peers" title={t.municipality.peers} intro={t.municipality.peersIntro}>
      <QueryState query={peers}>{(d) => (d.peerSuggestions.length ? <SuggestionList suggestions={d.peerSuggestions} {...actions} /> : <p>{t.common.none}</p>)}</QueryState>
    </Section>
  );
}

/** Mentors and their staged pathway: for municipalities with little or no overseas experience. */
function Mentors({ municipalityKey }: { municipalityKey: string }) {
  const { t } = useI18n();
  const mentors = useApiQuery(MentorSuggestionsDocument, { key: municipalityKey, first: 3 });
  const actions = useActions(municipalityKey, 'MENTOR');
  if (mentors.isPending) return <Loading />;
  if (!mentors.data?.mentorSuggestions.length) return null;
  return (
    <Section id="mentors" title={t.municipality.mentors} intro={t.municipality.mentorsIntro}>
      <SuggestionList suggestions={mentors.data.mentorSuggestions} {...actions} />
    </Section>
  );
}

export default function MunicipalityPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t } = useI18n();
  const profile = useApiQuery(MunicipalityProfileDocument, { key });
  return (
    <QueryState query={profile}>
      {({ municipality: m }) => (m ? <Profile m={m} /> : <NotFound what={t.municipality.what} />)}
    </QueryState>
  );
}

function Profile({ m }: { m: Profile }) {
  const { t, fmt } = useI18n();
  const { primary, secondary } = useNames(m);
  const newcomer = m.country === 'JP' && m.overseasExperience !== 'EXTENSIVE';
  const lead = [m.organization, fmt.country(m.country)].filter(Boolean).join(' · ');
  return (
    <div className="profile">
      <PageTitle title={primary} lead={lead}>
        {primary}
        {secondary && (
          <span className="secondary-name" lang={secondary === m.nameJa ? 'ja' : 'en'}>
            {' '}
            {secondary}
          </span>
        )}
      </PageTitle>
      {m.country !== 'JP' && <p className="badge badge-neutral">{t.municipality.kindOverseas}</p>}
      <nav aria-label={t.municipality.identity} className="toc">
        <a href="#expertise">{t.municipality.expertise}</a> · <a href="#needs">{t.municipality.needs}</a> · <a href="#partnerships">{t.municipality.partnerships}</a> ·{' '}
        <a href="#case-studies">{t.municipality.caseStudies}</a> · <a href="#peers">{t.municipality.peers.split(':')[0]}</a>
      </nav>
      <Identity m={m} />
      <Expertise m={m} />
      <Needs m={m} />
      <Section id="partnerships" title={t.municipality.partnerships}>
        {m.partnerships.length ? m.partnerships.map((p) => <PartnershipSummary key={p.key} p={p} />) : <p>{t.common.none}</p>}
      </Section>
      <Section id="case-studies" title={t.municipality.caseStudies}>
        {m.caseStudies.length ? m.caseStudies.map((c) => <CaseStudySummary key={c.key} c={c} />) : <p>{t.common.none}</p>}
      </Section>
      {newcomer && <Mentors municipalityKey={m.key} />}
      <Peers municipalityKey={m.key} />
    </div>
  );
}
