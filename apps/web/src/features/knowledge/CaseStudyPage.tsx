import { useParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { CaseStudyPageDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { PageTitle } from '../../ui/Page';
import { NotFound, QueryState } from '../../ui/QueryState';
import { CaseStudySummary } from './CaseStudySummary';

export default function CaseStudyPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t } = useI18n();
  const query = useApiQuery(CaseStudyPageDocument, { key });
  return (
    <QueryState query={query}>
      {({ caseStudy: c }) =>
        c ? (
          <div className="record-page">
            <PageTitle
              title={c.title}
              lead={
                c.municipality ? (
                  <>
                    {t.caseStudy.by}: <MunicipalityName municipality={c.municipality} />
                  </>
                ) : (
                  t.caseStudy.title
                )
              }
            >
              {c.title}
            </PageTitle>
            <CaseStudySummary c={c} heading="h2" link={false} />
          </div>
        ) : (
          <NotFound what={t.caseStudy.title.toLowerCase()} />
        )
      }
    </QueryState>
  );
}
