import { useParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { PartnershipPageDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../ui/Page';
import { NotFound, QueryState } from '../../ui/QueryState';
import { PartnershipSummary } from './PartnershipSummary';

export default function PartnershipPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t } = useI18n();
  const query = useApiQuery(PartnershipPageDocument, { key });
  return (
    <QueryState query={query}>
      {({ partnership: p }) =>
        p ? (
          <div className="record-page">
            <PageTitle title={p.title} lead={t.partnership.title}>
              {p.title}
            </PageTitle>
            <PartnershipSummary p={p} heading="h2" link={false} />
          </div>
        ) : (
          <NotFound what={t.partnership.title.toLowerCase()} />
        )
      }
    </QueryState>
  );
}
