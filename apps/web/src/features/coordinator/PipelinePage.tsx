import { useState } from 'react';
import { Link } from 'wouter';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { ChangePartnershipStatusDocument, PipelinePartnershipsDocument, type PartnershipStatus, type PipelinePartnershipsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { ErrorNotice, QueryState } from '../../ui/QueryState';
import { CoordinatorFrame } from './CoordinatorOnly';

/** The board's columns, in the order a partnership moves through them. */
export const PIPELINE: readonly PartnershipStatus[] = ['PROPOSED', 'AGREED', 'ACTIVE', 'COMPLETED'];

/** The next column, or null from the last. */
export const nextStatus = (status: PartnershipStatus): PartnershipStatus | null => {
  const i = PIPELINE.indexOf(status);
  return i >= 0 && i < PIPELINE.length - 1 ? PIPELINE[i + 1]! : null;
};

type Card = PipelinePartnershipsQuery['partnerships']['edges'][number]['node'];

function PipelineCard({ p, onMoved }: { p: Card; onMoved: (title: string, status: PartnershipStatus) => void }) {
  const { t } = useI18n();
  const change = useApiMutation(ChangePartnershipStatusDocument, ['PipelinePartnerships', 'PartnershipPage', 'MunicipalityProfile']);
  const next = nextStatus(p.status);
  return (
    <li className="card pipeline-card" data-partnership={p.key}>
      <h3 className="card-title">
        <Link href={paths.partnership(p.key)}>{p.title}</Link>
      </h3>
      <ul className="members-inline">
        {p.members.map((m) => (
          <li key={m.municipality.key}>
            <MunicipalityName municipality={m.municipality} link={false} /> <span className="meta">({t.enums.role[m.role]})</span>
          </li>
        ))}
      </ul>
      {change.error && <ErrorNotice error={change.error} />}
      {next && (
        <button
          type="button"
          disabled={change.isPending}
          aria-label={t.flows.pipeline.moveLabel(p.title, t.enums.partnershipStatus[next])}
          onClick={() =>
            // mutateAsync: the card leaves this column when the board reloads, before a per-call onSuccess would run.
            void change
              .mutateAsync({ key: p.key, status: next, version: p.version })
              .then(() => onMoved(p.title, next))
              .catch(() => undefined)
          }
        >
          {t.flows.pipeline.moveTo(t.enums.partnershipStatus[next])}
        </button>
      )}
    </li>
  );
}

function Column({ status, onMoved }: { status: PartnershipStatus; onMoved: (title: string, status: PartnershipStatus) => void }) {
  const { t } = useI18n();
  const query = useApiQuery(PipelinePartnershipsDocument, { status, first: 50 });
  const headingId = `pipeline-${status.toLowerCase()}`;
  return (
    <section className="pipeline-column" aria-labelledby={headingId} data-status={status}>
      <h2 id={headingId}>
        {t.enums.partnershipStatus[status]} <span className="count">{query.data ? `(${query.data.partnerships.totalCount})` : ''}</span>
      </h2>
      <QueryState query={query}>
        {(d) =>
          d.partnerships.edges.length ? (
            <ul className="pipeline-cards">
              {d.partnerships.edges.map(({ node }) => (
                <PipelineCard key={node.key} p={node} onMoved={onMoved} />
              ))}
            </ul>
          ) : (
            <p className="meta">{t.common.none}</p>
          )
        }
      </QueryState>
    </section>
  );
}

/** Coordinators: partnerships from proposal to completion; moving a card changes its status through the API. */
export default function PipelinePage() {
  const { t } = useI18n();
  const [moved, setMoved] = useState<string | null>(null);
  const onMoved = (title: string, status: PartnershipStatus) => setMoved(t.flows.pipeline.moved(title, t.enums.partnershipStatus[status]));
  return (
    <CoordinatorFrame title={t.flows.pipeline.title} lead={t.flows.pipeline.lead}>
      <p role="status" className="pipeline-status">
        {moved}
      </p>
      <div className="pipeline">
        {PIPELINE.map((status) => (
          <Column key={status} status={status} onMoved={onMoved} />
        ))}
      </div>
    </CoordinatorFrame>
  );
}
