import { geoGraticule10, geoMercator, geoNaturalEarth1, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { memo, useMemo, type MouseEvent } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/i18n';
import { partnershipLinks, schemeColour, type NetworkPartnership, type Place } from '../network-data/network-data';

/** A place with a location, and where the projection puts it. */
interface Located extends Place {
  latitude: number;
  longitude: number;
}

const hasLocation = (p: Place): p is Located => p.latitude !== null && p.longitude !== null;

/** What the Japan inset shows (longitude, latitude): Yonaguni to Wakkanai. */
export const JAPAN_EXTENT: [[number, number], [number, number]] = [
  [122.5, 23.8],
  [146.2, 45.7],
];

export interface MapView {
  id: 'world' | 'japan';
  width: number;
  height: number;
  projection: GeoProjection;
  /** Which places this view draws. */
  shows: (place: Place) => boolean;
}

/** The world, centred on the Pacific side so Japan, Asia, Africa and the Americas all fit unbroken. */
export function worldView(): MapView {
  const width = 960;
  const height = 500;
  const projection = geoNaturalEarth1().rotate([-150, 0]).fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'Sphere' },
  );
  return { id: 'world', width, height, projection, shows: () => true };
}

export function japanView(): MapView {
  const width = 420;
  const height = 500;
  const [[w, s], [e, n]] = JAPAN_EXTENT;
  const projection = geoMercator()
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      { type: 'MultiPoint', coordinates: [[w, s], [e, n]] },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  return { id: 'japan', width, height, projection, shows: (p) => p.country === 'JP' };
}

/** The outlines: drawn once per view and data set, not again when the filter changes. */
const Background = memo(function Background({ view, land, borders }: { view: MapView; land: GeoPermissibleObjects | undefined; borders?: GeoPermissibleObjects }) {
  const path = geoPath(view.projection);
  return (
    <g aria-hidden="true">
      <path className="map-sea" d={path({ type: 'Sphere' }) ?? ''} />
      <path className="map-graticule" d={path(geoGraticule10()) ?? ''} />
      {land && <path className="map-land" d={path(land) ?? ''} />}
      {borders && <path className="map-borders" d={path(borders) ?? ''} />}
    </g>
  );
});

/**
 * Places as links to their profiles and partnerships as great-circle lines coloured by scheme, in
 * one SVG (no canvas, no tiles: everything is drawn from the bundled outlines).
 */
export function PlaceMap({
  view,
  land,
  borders,
  places,
  partnerships,
  label,
  frame,
}: {
  view: MapView;
  land: GeoPermissibleObjects | undefined;
  borders?: GeoPermissibleObjects;
  places: Place[];
  partnerships: NetworkPartnership[];
  label: (places: number, links: number) => string;
  /** An outline drawn on top, e.g. the inset's area on the world map. */
  frame?: GeoPermissibleObjects;
}) {
  const { t, pick, fmt } = useI18n();
  const [, navigate] = useLocation();
  const path = useMemo(() => geoPath(view.projection), [view]);
  const shown = useMemo(() => places.filter((p) => hasLocation(p) && view.shows(p)) as Located[], [places, view]);
  const lines = useMemo(() => {
    const byKey = new Map(places.filter(hasLocation).map((p) => [p.key, p]));
    return partnerships.flatMap((p) =>
      partnershipLinks(p, byKey)
        .filter(([a, b]) => view.shows(a) || view.shows(b))
        .map(([a, b], i) => ({
          key: `${p.key}:${i}`,
          colour: schemeColour(p.scheme),
          d: path({ type: 'LineString', coordinates: [[a.longitude, a.latitude], [b.longitude, b.latitude]] }) ?? '',
        })),
    );
  }, [places, partnerships, view, path]);
  const open = (event: MouseEvent, key: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(paths.municipality(key));
  };
  return (
    <svg className={`place-map place-map-${view.id}`} viewBox={`0 0 ${view.width} ${view.height}`} role="group" aria-label={label(shown.length, lines.length)} data-view={view.id}>
      <Background view={view} land={land} borders={borders} />
      <g className="map-links" aria-hidden="true">
        {lines.map((l) => (
          <path key={l.key} d={l.d} stroke={l.colour} />
        ))}
      </g>
      {frame && <path className="map-frame" d={path(frame) ?? ''} aria-hidden="true" />}
      <g className="map-places">
        {shown.map((p) => {
          const [x, y] = view.projection([p.longitude, p.latitude]) ?? [NaN, NaN];
          if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
          const name = t.map.placeLabel(pick(p.name, p.nameJa), fmt.country(p.country));
          return (
            <a key={p.key} href={paths.municipality(p.key)} aria-label={name} data-place={p.key} onClick={(e) => open(e, p.key)}>
              <title>{name}</title>
              <circle cx={x} cy={y} r={view.id === 'world' ? 3.5 : 5} className={p.country === 'JP' ? 'place place-jp' : 'place place-abroad'} />
            </a>
          );
        })}
      </g>
    </svg>
  );
}
