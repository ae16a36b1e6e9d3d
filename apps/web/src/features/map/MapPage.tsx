import { useMemo } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { filterNetwork, schemeColour, schemesIn, UNKNOWN_COLOUR, type NetworkData, type NetworkFilter } from '../network-data/network-data';
import { NetworkFilters } from '../network-data/NetworkFilters';
import { useNetworkData } from '../network-data/use-network-data';
import { useDetailedLand, useWorld } from './atlas';
import { JAPAN_EXTENT, japanView, PlaceMap, worldView } from './PlaceMap';
import './map.css';

const [[W, S], [E, N]] = JAPAN_EXTENT;
const JAPAN_FRAME = { type: 'Polygon' as const, coordinates: [[[W, S], [E, S], [E, N], [W, N], [W, S]]] };

function Swatch({ colour, className = 'swatch-line' }: { colour?: string; className?: string }) {
  return (
    <svg className="swatch" viewBox="0 0 24 12" aria-hidden="true">
      {colour ? <line x1="1" y1="6" x2="23" y2="6" stroke={colour} className={className} /> : <circle cx="12" cy="6" r="5" className={className} />}
    </svg>
  );
}

function Maps({ data, filter, setFilter }: { data: NetworkData; filter: NetworkFilter; setFilter: (f: NetworkFilter) => void }) {
  const { t, fmt, pick } = useI18n();
  const world = useWorld();
  const japanLand = useDetailedLand();
  const views = useMemo(() => ({ world: worldView(), japan: japanView() }), []);
  const { topic, scheme } = filter;
  const { places, partnerships } = useMemo(() => filterNetwork(data, { topic, scheme }), [data, topic, scheme]);
  const schemes = useMemo(() => schemesIn(data.partnerships), [data]);
  const shownSchemes = schemesIn(partnerships);
  const sorted = useMemo(() => [...places].sort((a, b) => pick(a.name, a.nameJa).localeCompare(pick(b.name, b.nameJa))), [places, pick]);
  return (
    <>
      <NetworkFilters filter={filter} schemes={schemes} onChange={setFilter} />
      <p className="map-count" role="status">
        {t.map.shown(places.length, partnerships.length)}
      </p>
      {data.truncated && <p className="notice">{t.map.truncated}</p>}
      <div className="map-panels">
        <figure className="map-panel map-panel-world">
          <PlaceMap view={views.world} land={world.data?.countries} borders={world.data?.borders} places={places} partnerships={partnerships} label={t.map.worldLabel} frame={JAPAN_FRAME} />
        </figure>
        <figure className="map-panel map-panel-japan">
          <figcaption>{t.map.japan}</figcaption>
          <PlaceMap view={views.japan} land={japanLand.data} places={places} partnerships={partnerships} label={(n) => t.map.japanLabel(n)} />
        </figure>
      </div>
      <div className="map-legend" aria-label={t.map.legend} role="group">
        <span className="legend-item">
          <Swatch className="place place-jp" /> {t.map.japanese}
        </span>
        <span className="legend-item">
          <Swatch className="place place-abroad" /> {t.map.abroad}
        </span>
        {shownSchemes.map((s) => (
          <span key={s} className="legend-item">
            <Swatch colour={schemeColour(s)} /> {t.enums.scheme[s]}
          </span>
        ))}
        {partnerships.some((p) => !p.scheme) && (
          <span className="legend-item">
            <Swatch colour={UNKNOWN_COLOUR} /> {t.map.noScheme}
          </span>
        )}
      </div>
      <p className="map-credit">{t.map.mapOf}</p>
      <details className="map-list">
        <summary>{t.map.placesList(places.length)}</summary>
        <ul>
          {sorted.map((p) => (
            <li key={p.key}>
              <Link href={paths.municipality(p.key)}>{pick(p.name, p.nameJa)}</Link> · {fmt.country(p.country)}
              {p.latitude === null && ` · ${t.map.noLocation}`}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The map: places and partnership lines on an offline world map with a Japan inset (part 4 of issue 7). */
export default function MapPage() {
  const { t } = useI18n();
  const { query, filter, setFilter } = useNetworkData(paths.map);
  return (
    <div className="map-page">
      <PageTitle title={t.map.title} lead={t.map.lead}>
        {t.map.title}
      </PageTitle>
      <QueryState query={query}>{(data) => <Maps data={data.partnershipNetwork} filter={filter} setFilter={setFilter} />}</QueryState>
    </div>
  );
}
