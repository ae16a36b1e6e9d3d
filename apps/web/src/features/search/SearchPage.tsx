import { Link, useSearchParams } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { recordPath } from '../../app/paths';
import { SearchDocument, type SearchQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../ui/Page';
import { ProvenanceBadge } from '../../ui/Provenance';
import { MunicipalityName } from '../../ui/Names';
import { QueryState } from '../../ui/QueryState';
import { SearchForm } from '../home/SearchForm';

type Hit = SearchQuery['search'][number];

function owner(hit: Hit) {
  return hit.need?.municipality ?? hit.caseStudy?.municipality ?? null;
}

function provenanceOf(hit: Hit) {
  return hit.municipality?.provenance ?? hit.need?.provenance ?? hit.partnership?.provenance ?? hit.caseStudy?.provenance ?? null;
}

function SearchResult({ hit }: { hit: Hit }) {
  const { t } = useI18n();
  const by = owner(hit);
  return (
    <li className="result">
      <span className={`kind kind-${hit.kind.toLowerCase()}`}>{t.enums.hitKind[hit.kind]}</span>
      <h2 className="result-title">
        <Link href={recordPath(hit.kind, hit.key)}>{hit.municipality ? <MunicipalityName municipality={hit.municipality} link={false} /> : hit.title}</Link>
      </h2>
      {by && (
        <p className="result-owner">
          {t.search.owner}:{' '}
          <MunicipalityName municipality={by} />
        </p>
      )}
      <p className="snippet">{hit.snippet}</p>
      <ProvenanceBadge provenance={provenanceOf(hit)} compact />
    </li>
  );
}

export default function SearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const text = (params.get('q') ?? '').trim();
  const search = useApiQuery(SearchDocument, { text, first: 30 }, { enabled: text !== '' });
  return (
    <div className="search-page">
      <PageTitle title={text ? t.search.resultsFor(text) : t.search.title}>{text ? t.search.resultsFor(text) : t.search.title}</PageTitle>
      <SearchForm key={text} initial={text} />
      {text === '' ? (
        <p>{t.search.empty}</p>
      ) : (
        <QueryState query={search}>
          {(data) => (
            <>
              <p role="status" className="result-count">
                {t.search.count(data.search.length)}
              </p>
              {data.search.length === 0 ? (
                <p>{t.search.nothing}</p>
              ) : (
                <ol className="results">
                  {data.search.map((hit) => (
                    <SearchResult key={`${hit.kind}:${hit.key}`} hit={hit} />
                  ))}
                </ol>
              )}
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
