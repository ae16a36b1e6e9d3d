import { useId, useState, type FormEvent } from 'react';
import { useConnectionQuery } from '../../api/hooks';
import { AuditLogDocument, type AuditLogFilter } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../../ui/QueryState';
import { CoordinatorFrame } from './CoordinatorOnly';

const ENTITIES = ['municipality', 'need', 'partnership', 'expertise', 'case-study', 'event', 'account', 'invitation', 'introduction'];

function Log({ filter }: { filter: AuditLogFilter }) {
  const { t, fmt } = useI18n();
  const query = useConnectionQuery(AuditLogDocument, { filter, first: 50, after: null }, (d) => d.auditLog.pageInfo);
  const time = (iso: string) => `${fmt.date(iso)} ${new Date(iso).toISOString().slice(11, 16)} UTC`;
  return (
    <QueryState query={{ ...query, data: query.data }}>
      {(data) => {
        const entries = data.pages.flatMap((p) => p.auditLog.edges.map((e) => e.node));
        const total = data.pages[0]?.auditLog.totalCount ?? 0;
        return (
          <>
            <p role="status" className="result-count">
              {t.flows.audit.count(total, entries.length)}
            </p>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t.flows.audit.title}>
              <table className="audit">
                <thead>
                  <tr>
                    <th scope="col">{t.flows.audit.at}</th>
                    <th scope="col">{t.flows.audit.actor}</th>
                    <th scope="col">{t.flows.audit.action}</th>
                    <th scope="col">{t.flows.audit.record}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id}>
                      <td>{time(e.at)}</td>
                      <td>{e.actorEmail ?? e.actorId ?? '—'}</td>
                      <td>{e.action}</td>
                      <td>
                        {e.entity} <code>{e.entityKey}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {query.hasNextPage && (
              <button type="button" className="button-secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {t.common.loadMore}
              </button>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** Coordinators: every change, newest first, narrowed by kind of record and key. */
export default function AuditLogPage() {
  const { t } = useI18n();
  const [entity, setEntity] = useState('');
  const [entityKey, setEntityKey] = useState('');
  const [filter, setFilter] = useState<AuditLogFilter>({});
  const ids = { entity: useId(), key: useId() };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...(entity ? { entity } : {}), ...(entityKey.trim() ? { entityKey: entityKey.trim() } : {}) });
  };
  return (
    <CoordinatorFrame title={t.flows.audit.title} lead={t.flows.audit.lead}>
      <form className="filters filters-inline" onSubmit={apply} aria-label={t.directory.filters}>
        <div className="field">
          <label htmlFor={ids.entity}>{t.flows.audit.entity}</label>
          <select id={ids.entity} value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">{t.directory.any}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.key}>{t.flows.audit.key}</label>
          <input id={ids.key} value={entityKey} onChange={(e) => setEntityKey(e.target.value)} />
        </div>
        <button type="submit">{t.directory.apply}</button>
      </form>
      <Log filter={filter} />
    </CoordinatorFrame>
  );
}
