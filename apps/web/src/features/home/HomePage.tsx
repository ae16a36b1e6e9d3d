import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { HomeNumbersDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { SearchForm } from './SearchForm';

const EXAMPLES = ['leakage', '漏水', 'water loss', 'Makassar', '耐震'];

export default function HomePage() {
  const { t, fmt } = useI18n();
  const numbers = useApiQuery(HomeNumbersDocument, {});
  return (
    <div className="home">
      <PageTitle title={t.nav.home} lead={t.home.intro}>
        {t.home.title}
      </PageTitle>
      <SearchForm large />
      <p className="examples">
        {t.home.examples}{' '}
        {EXAMPLES.map((example, i) => (
          <span key={example}>
            {i > 0 && ' · '}
            <Link href={paths.search(example)}>{example}</Link>
          </span>
        ))}
      </p>
      <section aria-labelledby="numbers-heading" className="section">
        <h2 id="numbers-heading">{t.home.numbersTitle}</h2>
        <QueryState query={numbers}>
          {(data) => (
            <dl className="numbers">
              {(
                [
                  ['municipalities', data.municipalities.totalCount],
                  ['japan', data.japan.totalCount],
                  ['openNeeds', data.openNeeds.totalCount],
                  ['partnerships', data.partnerships.totalCount],
                  ['activePartnerships', data.activePartnerships.totalCount],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="number">
                  <dt>{t.home.numbers[key]}</dt>
                  <dd>{fmt.number(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </QueryState>
        <p>
          <Link href={paths.directory()} className="button">
            {t.home.browse}
          </Link>
        </p>
      </section>
    </div>
  );
}
