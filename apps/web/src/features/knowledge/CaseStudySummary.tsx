import { Link } from 'wouter';
import { paths } from '../../app/paths';
import type { CaseStudyFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ProvenanceBadge } from '../../ui/Provenance';
import { TopicList } from '../../ui/Topics';

/** A case study with its lessons and where it was presented. */
export function CaseStudySummary({ c, heading = 'h3', link = true }: { c: CaseStudyFieldsFragment; heading?: 'h2' | 'h3'; link?: boolean }) {
  const { t, fmt } = useI18n();
  const Heading = heading;
  return (
    <article className="card case-study">
      <Heading className="card-title">{link ? <Link href={paths.caseStudy(c.key)}>{c.title}</Link> : c.title}</Heading>
      {c.summary && <p>{c.summary}</p>}
      {c.lessons.length > 0 && (
        <>
          <p className="list-label">{t.municipality.lessons}</p>
          <ul className="lessons">
            {c.lessons.map((lesson, i) => (
              <li key={i}>{lesson}</li>
            ))}
          </ul>
        </>
      )}
      {c.event && (
        <p className="meta">
          {t.caseStudy.event}: <Link href={paths.event(c.event.key)}>{c.event.title}</Link>
          {c.event.date && ` (${fmt.date(c.event.date)})`}
        </p>
      )}
      <TopicList topics={c.topics} />
      <ProvenanceBadge provenance={c.provenance} source={c.source} />
    </article>
  );
}
