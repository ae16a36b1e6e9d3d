import { Link } from 'wouter';
import { paths } from '../app/paths';
import { useI18n } from '../i18n/i18n';

interface TopicLike {
  key: string;
  labelEn: string;
  labelJa: string;
}

/** Taxonomy topics as links to the directory filtered by each, in the current language. */
export function TopicList({ topics }: { topics: TopicLike[] }) {
  const { pick } = useI18n();
  if (topics.length === 0) return null;
  return (
    <ul className="chips">
      {topics.map((topic) => (
        <li key={topic.key}>
          <Link href={paths.directory({ topic: topic.key })} className="chip">
            {pick(topic.labelEn, topic.labelJa)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
