import { useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/i18n';
import { useTopics } from '../../taxonomy/use-topics';
import { PageTitle } from '../../ui/Page';
import { Loading, QueryState } from '../../ui/QueryState';
import { filterNetwork, schemesIn, type NetworkData, type NetworkFilter } from '../network-data/network-data';
import { NetworkFilters } from '../network-data/NetworkFilters';
import { useNetworkData } from '../network-data/use-network-data';
import { NetworkCanvas } from './NetworkCanvas';
import { buildPlaceGraph, type ColourMode } from './network-graph';
import '../map/map.css';
import './network.css';

function Network({ data, domainKeys, filter, setFilter }: { data: NetworkData; domainKeys: string[]; filter: NetworkFilter; setFilter: (f: NetworkFilter) => void }) {
  const { t, pick, fmt } = useI18n();
  const [, navigate] = useLocation();
  const [mode, setMode] = useState<ColourMode>('topic');
  const [selected, setSelected] = useState('');
  const pickId = useId();
  const { topic, scheme } = filter;
  const kept = useMemo(() => filterNetwork(data, { topic, scheme }), [data, topic, scheme]);
  const graph = useMemo(() => {
    const start = performance.now();
    const built = buildPlaceGraph({ ...kept, mode, domainKeys, name: (p) => pick(p.name, p.nameJa) });
    // Measured (the browser suite reads it): building and laying out the graph holds the page.
    performance.measure('kakehashi:network-graph', { start });
    return built;
  }, [kept, mode, domainKeys, pick]);
  const schemes = useMemo(() => schemesIn(data.partnerships), [data]);
  const byKey = useMemo(() => new Map(kept.places.map((p) => [p.key, p])), [kept]);
  const sorted = useMemo(() => [...kept.places].sort((a, b) => pick(a.name, a.nameJa).localeCompare(pick(b.name, b.nameJa))), [kept, pick]);
  // The long list of options is built once per data set, not on every selection.
  const options = useMemo(
    () =>
      sorted.map((p) => (
        <option key={p.key} value={p.key}>
          {pick(p.name, p.nameJa)}
        </option>
      )),
    [sorted, pick],
  );
  const chosen = byKey.get(selected);
  const partners = chosen && graph.hasNode(chosen.key) ? graph.neighbors(chosen.key).map((k) => byKey.get(k)!).filter(Boolean) : [];
  return (
    <>
      <NetworkFilters filter={filter} schemes={schemes} onChange={setFilter}>
        <fieldset className="colour-mode">
          <legend>{t.network.colourBy}</legend>
          {(['topic', 'scheme'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="colour" value={m} checked={mode === m} onChange={() => setMode(m)} /> {m === 'topic' ? t.network.byTopic : t.network.byScheme}
            </label>
          ))}
        </fieldset>
      </NetworkFilters>
      <p className="map-count" role="status">
        {t.map.shown(kept.places.length, kept.partnerships.length)}
      </p>
      {data.truncated && <p className="notice">{t.map.truncated}</p>}
      <div className="network-layout">
        <NetworkCanvas
          graph={graph}
          chosen={selected || null}
          onOpen={(key) => navigate(paths.municipality(key))}
          label={t.network.graphLabel(graph.order, kept.partnerships.length)}
        />
        <aside className="network-panel" aria-labelledby={`${pickId}-heading`}>
          <h2 id={`${pickId}-heading`}>{t.network.selected}</h2>
          <div className="field">
            <label htmlFor={pickId}>{t.network.pick}</label>
            <select id={pickId} value={selected} onChange={(e) => setSelected(e.target.value)}>
              <option value="">—</option>
              {options}
            </select>
          </div>
          <p className="hint">{t.network.pickHint}</p>
          {chosen && (
            <div className="network-selection" data-selected={chosen.key}>
              <p>
                <Link href={paths.municipality(chosen.key)} className="network-open">
                  {t.network.openProfile}: {pick(chosen.name, chosen.nameJa)}
                </Link>{' '}
                · {fmt.country(chosen.country)}
              </p>
              <p>{partners.length ? t.network.neighbours(partners.length) : t.network.alone}</p>
              {partners.length > 0 && (
                <ul>
                  {partners.map((n) => (
                    <li key={n.key}>
                      <Link href={paths.municipality(n.key)}>{pick(n.name, n.nameJa)}</Link> · {fmt.country(n.country)}
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" className="button-secondary" onClick={() => setSelected('')}>
                {t.network.clear}
              </button>
            </div>
          )}
        </aside>
      </div>
    </>
  );
}

/** The partnership network (part 5 of issue 7): sigma + graphology, in its own lazy chunk. */
export default function NetworkPage() {
  const { t } = useI18n();
  const { query, filter, setFilter } = useNetworkData(paths.network);
  // Asked for alongside the network (not after it): the graph is laid out once, with its colours.
  const topics = useTopics();
  const domainKeys = useMemo(() => topics.data?.topics.filter((x) => x.parentKey === null).map((x) => x.key), [topics.data]);
  return (
    <div className="network-page">
      <PageTitle title={t.network.title} lead={t.network.lead}>
        {t.network.title}
      </PageTitle>
      <QueryState query={query}>
        {(data) => (domainKeys ? <Network data={data.partnershipNetwork} domainKeys={domainKeys} filter={filter} setFilter={setFilter} /> : <Loading />)}
      </QueryState>
    </div>
  );
}
