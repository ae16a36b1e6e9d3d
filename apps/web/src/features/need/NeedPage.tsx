import { Link, useParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { canActFor } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import { ConsortiumSuggestionsDocument, IntroductionsDocument, NeedPageDocument, PartnerSuggestionsDocument, type NeedPageQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { PageTitle, Section } from '../../ui/Page';
import { ProvenanceBadge } from '../../ui/Provenance';
import { NotFound, QueryState } from '../../ui/QueryState';
import { TopicList } from '../../ui/Topics';
import { ReasonList } from '../matching/Reasons';
import { SuggestionList } from '../matching/SuggestionList';

type Need = NonNullable<NeedPageQuery['need']>;

function PartnerSuggestions({ need }: { need: Need }) {
  const { t } = useI18n();
  const { account } = useSession();
  const mayAct = canActFor(account, need.municipality.key);
  const suggestions = useApiQuery(PartnerSuggestionsDocument, { key: need.key, first: 5 });
  const intros = useApiQuery(IntroductionsDocument, { municipalityKey: need.municipality.key }, { enabled: mayAct });
  const introStatus = new Map(
    (intros.data?.introductions ?? []).filter((i) => i.list === 'PARTNER' && i.need?.key === need.key).map((i) => [i.candidate.key, t.enums.introStatus[i.status]] as const),
  );
  return (
    <Section id="suggestions" title={t.need.suggestions} intro={t.need.suggestionsIntro}>
      {!account && (
        <p className="notice">
          {t.need.signInToAct} <Link href={paths.signIn(paths.need(need.key))}>{t.nav.signIn}</Link>
        </p>
      )}
      <QueryState query={suggestions}>
        {(d) =>
          d.partnerSuggestions.length ? (
            <SuggestionList suggestions={d.partnerSuggestions} actFor={mayAct ? { list: 'PARTNER', needKey: need.key } : undefined} introductions={introStatus} />
          ) : (
            <p>{t.need.noSuggestions}</p>
          )
        }
      </QueryState>
    </Section>
  );
}

function Consortia({ need }: { need: Need }) {
  const { t, fmt, pick } = useI18n();
  const consortia = useApiQuery(ConsortiumSuggestionsDocument, { key: need.key });
  const label = (key: string) => {
    const topic = need.topics.find((x) => x.key === key);
    return topic ? pick(topic.labelEn, topic.labelJa) : key;
  };
  return (
    <Section id="consortia" title={t.need.consortia} intro={t.need.consortiaIntro}>
      <QueryState query={consortia}>
        {(d) =>
          d.consortiumSuggestions.length ? (
            <ol className="suggestions">
              {d.consortiumSuggestions.map((c, i) => (
                <li key={i} className="card">
                  <h3 className="card-title">
                    {fmt.list(c.members.map((m) => pick(m.municipality.name, m.municipality.nameJa)))} — {t.suggestion.scoreOf(fmt.percent(c.score))}
                  </h3>
                  <ul>
                    {c.members.map((m) => (
                      <li key={m.municipality.key}>
                        <MunicipalityName municipality={m.municipality} /> — {t.need.covers}: {fmt.list(m.covers.map(label))}
                      </li>
                    ))}
                  </ul>
                  {c.uncoveredTopics.length > 0 && (
                    <p className="meta">
                      {t.need.uncovered}: {fmt.list(c.uncoveredTopics.map(label))}
                    </p>
                  )}
                  {c.reasons.length > 0 && (
                    <>
                      <h4>{t.suggestion.reasons}</h4>
                      <ReasonList reasons={c.reasons} />
                    </>
                  )}
                  {c.mismatches.length > 0 && (
                    <>
                      <h4>{t.suggestion.mismatches}</h4>
                      <ReasonList reasons={c.mismatches} mismatch />
                    </>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t.need.noConsortia}</p>
          )
        }
      </QueryState>
    </Section>
  );
}

export default function NeedPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t, fmt } = useI18n();
  const query = useApiQuery(NeedPageDocument, { key });
  return (
    <QueryState query={query}>
      {({ need }) =>
        need ? (
          <div className="need-page">
            <PageTitle
              title={need.title}
              lead={
                <>
                  {t.need.of}: <MunicipalityName municipality={need.municipality} />
                  {need.municipality.organization && ` · ${need.municipality.organization}`}
                </>
              }
            >
              {need.title}
            </PageTitle>
            <dl className="facts">
              <div className="fact">
                <dt>{t.need.status}</dt>
                <dd>{t.enums.needStatus[need.status]}</dd>
              </div>
              {need.priority && (
                <div className="fact">
                  <dt>{t.need.priority}</dt>
                  <dd>{t.enums.priority[need.priority]}</dd>
                </div>
              )}
              {need.schemes.length > 0 && (
                <div className="fact">
                  <dt>{t.need.schemes}</dt>
                  <dd>{fmt.list(need.schemes.map((s) => t.enums.scheme[s]))}</dd>
                </div>
              )}
              {need.expiresOn && (
                <div className="fact">
                  <dt>{t.need.expiresOn}</dt>
                  <dd>{fmt.date(need.expiresOn)}</dd>
                </div>
              )}
            </dl>
            {need.description && <p className="description">{need.description}</p>}
            <TopicList topics={need.topics} />
            <ProvenanceBadge provenance={need.provenance} source={need.source} />
            <PartnerSuggestions need={need} />
            <Consortia need={need} />
          </div>
        ) : (
          <NotFound what={t.need.title.toLowerCase()} />
        )
      }
    </QueryState>
  );
}
