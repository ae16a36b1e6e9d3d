import { useParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { EventPageDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { PageTitle, Section } from '../../ui/Page';
import { ProvenanceBadge } from '../../ui/Provenance';
import { NotFound, QueryState } from '../../ui/QueryState';
import { CaseStudySummary } from './CaseStudySummary';

export default function EventPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t, fmt } = useI18n();
  const query = useApiQuery(EventPageDocument, { key });
  return (
    <QueryState query={query}>
      {({ event: e }) =>
        e ? (
          <div className="record-page">
            <PageTitle title={e.title} lead={t.event.title}>
              {e.title}
            </PageTitle>
            <dl className="facts">
              {e.date && (
                <>
                  <dt>{t.event.date}</dt>
                  <dd>{fmt.date(e.date)}</dd>
                </>
              )}
              {e.location && (
                <>
                  <dt>{t.event.location}</dt>
                  <dd>{e.location}</dd>
                </>
              )}
              {e.participants !== null && (
                <>
                  <dt>{t.event.participants}</dt>
                  <dd>{fmt.number(e.participants)}</dd>
                </>
              )}
            </dl>
            <ProvenanceBadge provenance={e.provenance} source={e.source} />
            <Section title={t.event.caseStudies}>
              {e.caseStudies.length ? e.caseStudies.map((c) => <CaseStudySummary key={c.key} c={c} />) : <p>{t.common.none}</p>}
            </Section>
          </div>
        ) : (
          <NotFound what={t.event.title.toLowerCase()} />
        )
      }
    </QueryState>
  );
}
