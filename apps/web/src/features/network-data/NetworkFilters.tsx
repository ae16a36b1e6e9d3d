import { useId } from 'react';
import type { CooperationScheme } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { topicTree, useTopics } from '../../taxonomy/use-topics';
import type { NetworkFilter } from './network-data';

/**
 * Topic and scheme choosers for the map and the network. They apply as they change (the page keeps
 * them in its URL); a domain stands for all of its topics.
 */
export function NetworkFilters({ filter, schemes, onChange, children }: { filter: NetworkFilter; schemes: CooperationScheme[]; onChange: (next: NetworkFilter) => void; children?: React.ReactNode }) {
  const { t, pick } = useI18n();
  const topics = useTopics();
  const topicId = useId();
  const schemeId = useId();
  return (
    <form className="filters network-filters" aria-label={t.networkFilter.label} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={topicId}>{t.networkFilter.topic}</label>
        <select id={topicId} name="topic" value={filter.topic} onChange={(e) => onChange({ ...filter, topic: e.target.value })}>
          <option value="">{t.networkFilter.any}</option>
          {topicTree(topics.data?.topics ?? []).map(({ domain, topics: children }) => (
            <optgroup key={domain.key} label={pick(domain.labelEn, domain.labelJa)}>
              <option value={domain.key}>{pick(domain.labelEn, domain.labelJa)}</option>
              {children.map((c) => (
                <option key={c.key} value={c.key}>
                  {`— ${pick(c.labelEn, c.labelJa)}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={schemeId}>{t.networkFilter.scheme}</label>
        <select id={schemeId} name="scheme" value={filter.scheme} onChange={(e) => onChange({ ...filter, scheme: e.target.value as CooperationScheme | '' })}>
          <option value="">{t.networkFilter.any}</option>
          {schemes.map((s) => (
            <option key={s} value={s}>
              {t.enums.scheme[s]}
            </option>
          ))}
        </select>
      </div>
      {children}
    </form>
  );
}
