import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { useApiQuery, useConnectionQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { DirectoryDocument, DirectoryFacetsDocument, type DirectoryQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { topicTree, useTopics } from '../../taxonomy/use-topics';
import { PageTitle } from '../../ui/Page';
import { ProvenanceBadge } from '../../ui/Provenance';
import { MunicipalityName } from '../../ui/Names';
import { ErrorNotice, Loading } from '../../ui/QueryState';
import { EXPERIENCE_VALUES, FILTER_PARAMS, KIND_VALUES, readFilters, toMunicipalityFilter, type FilterValues } from './filters';

const PAGE_SIZE = 20;

type Row = DirectoryQuery['municipalities']['edges'][number]['node'];

function Select({ label, name, value, onChange, children }: { label: string; name: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

function Filters({ initial, onApply }: { initial: FilterValues; onApply: (values: FilterValues) => void }) {
  const { t, fmt, pick } = useI18n();
  const [values, setValues] = useState(initial);
  const facets = useApiQuery(DirectoryFacetsDocument, {}, { staleTime: 5 * 60_000 });
  const topics = useTopics();
  const textId = useId();
  const set = (key: keyof FilterValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const countries = [...(facets.data?.municipalityFacets.countries ?? [])].sort((a, b) => fmt.country(a.value).localeCompare(fmt.country(b.value)));
  return (
    <form className="filters" aria-label={t.directory.filters} onSubmit={submit}>
      <div className="field">
        <label htmlFor={textId}>{t.directory.text}</label>
        <input id={textId} name="text" type="search" value={values.text} maxLength={200} onChange={(e) => set('text')(e.target.value)} />
      </div>
      <Select label={t.directory.country} name="country" value={values.country} onChange={set('country')}>
        <option value="">{t.directory.any}</option>
        {countries.map((c) => (
          <option key={c.value} value={c.value}>
            {fmt.country(c.value)} ({fmt.number(c.count)})
          </option>
        ))}
      </Select>
      <Select label={t.directory.region} name="region" value={values.region} onChange={set('region')}>
        <option value="">{t.directory.any}</option>
        {(facets.data?.municipalityFacets.regions ?? []).map((r) => (
          <option key={r.value} value={r.value}>
            {values.country ? fmt.place(r.value, values.country) : r.value} ({fmt.number(r.count)})
          </option>
        ))}
      </Select>
      <Select label={t.directory.topic} name="topic" value={values.topic} onChange={set('topic')}>
        <option value="">{t.directory.any}</option>
        {topicTree(topics.data?.topics ?? []).map(({ domain, topics: children }) => (
          <optgroup key={domain.key} label={pick(domain.labelEn, domain.labelJa)}>
            <option value={domain.key}>{pick(domain.labelEn, domain.labelJa)}</option>
            {children.map((topic) => (
              <option key={topic.key} value={topic.key}>
                {'  '}
                {pick(topic.labelEn, topic.labelJa)}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select label={t.directory.kind} name="kind" value={values.kind} onChange={set('kind')}>
        <option value="">{t.directory.any}</option>
        {KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {t.enums.kind[k]}
          </option>
        ))}
      </Select>
      <Select label={t.directory.experience} name="experience" value={values.experience} onChange={set('experience')}>
        <option value="">{t.directory.any}</option>
        {EXPERIENCE_VALUES.map((x) => (
          <option key={x} value={x}>
            {t.enums.experience[x]}
          </option>
        ))}
      </Select>
      <div className="filter-actions">
        <button type="submit">{t.directory.apply}</button>
        <Link href={paths.directory()} className="button-link">
          {t.directory.reset}
        </Link>
      </div>
    </form>
  );
}

function DirectoryRow({ m }: { m: Row }) {
  const { t, fmt, pick } = useI18n();
  const place = [...[m.subdivision, m.region].filter((x): x is string => !!x).map((x) => fmt.place(x, m.country)), fmt.country(m.country)].join(' · ');
  return (
    <li className="card">
      <h2 className="card-title">
        <MunicipalityName municipality={m} />
      </h2>
      <p className="meta">
        {place}
        {m.population !== null && ` · ${t.common.population} ${fmt.number(m.population)}`}
      </p>
      {m.organization && <p className="meta">{m.organization}</p>}
      <p className="meta">
        {t.enums.kind[m.kind]}
        {m.overseasExperience && ` · ${t.common.overseasExperience}: ${t.enums.experience[m.overseasExperience]}`}
      </p>
      {m.expertise.length > 0 && (
        <p className="meta">
          {t.directory.expertiseIn}: {fmt.list(m.expertise.slice(0, 4).map((e) => `${pick(e.topic.labelEn, e.topic.labelJa)} (${e.level})`))}
        </p>
      )}
      <ProvenanceBadge provenance={m.provenance} source={m.source} compact />
    </li>
  );
}

export default function DirectoryPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const values = readFilters(params);
  const filter = toMunicipalityFilter(values);
  const list = useConnectionQuery(DirectoryDocument, { filter, first: PAGE_SIZE }, (r) => r.municipalities.pageInfo);
  const rows = list.data?.pages.flatMap((p) => p.municipalities.edges.map((e) => e.node)) ?? [];
  const total = list.data?.pages[0]?.municipalities.totalCount ?? 0;
  const apply = (next: FilterValues) => navigate(paths.directory(Object.fromEntries(FILTER_PARAMS.map((p) => [p, next[p]]))));
  return (
    <div className="directory">
      <PageTitle title={t.directory.title} lead={t.directory.intro}>
        {t.directory.title}
      </PageTitle>
      <div className="directory-layout">
        <Filters key={params.toString()} initial={values} onApply={apply} />
        <div className="directory-results">
          {list.error ? (
            <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
          ) : list.isPending ? (
            <Loading />
          ) : (
            <>
              <p role="status" className="result-count">
                {t.directory.count(total)}
                {rows.length < total && ` — ${t.directory.showing(rows.length, total)}`}
              </p>
              <ul className="cards">
                {rows.map((m) => (
                  <DirectoryRow key={m.key} m={m} />
                ))}
              </ul>
              {list.hasNextPage && (
                <button type="button" className="button-secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {list.isFetchingNextPage ? t.common.loading : t.common.loadMore}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
