import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { paths, recordPath } from '../../app/paths';
import { UpkeepDocument, type UpkeepQuery, type UpkeepRecordType, type UpkeepSectionFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { Section } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { CoordinatorFrame } from './CoordinatorOnly';

type SectionName = Exclude<keyof UpkeepQuery['upkeep'], 'asOf' | 'timeZone' | 'thresholds'>;

const SECTIONS: readonly SectionName[] = ['expiredNeeds', 'overdueIntroductions', 'partnershipsPastEnd', 'expiringNeeds', 'staleProfiles', 'staleNeeds', 'stalePartnerships'];

/** Where an upkeep item is fixed: the record's page; an introduction, the list to answer. */
const itemPath = (type: UpkeepRecordType, key: string): string => (type === 'INTRODUCTION' ? paths.introductions() : recordPath(type, key));

function Items({ section }: { section: UpkeepSectionFieldsFragment }) {
  const { t, fmt, pick } = useI18n();
  if (section.totalCount === 0) return <p className="meta">{t.flows.upkeep.nothing}</p>;
  return (
    <>
      <ul className="upkeep-items">
        {section.items.map((item) => (
          <li key={`${item.kind}:${item.key}`} className="card" data-kind={item.kind} data-key={item.key}>
            <h3 className="card-title">
              <Link href={itemPath(item.recordType, item.key)}>{item.title}</Link>
            </h3>
            <p>{pick(item.detail, item.detailJa)}</p>
            <p className="meta">
              {fmt.date(item.date)} · {t.flows.upkeep.days(item.days)}
            </p>
            <p className="meta">
              {item.fixers.length ? (
                <>
                  {t.flows.upkeep.fixers}:{' '}
                  {item.fixers.map((f, i) => (
                    <span key={f.email}>
                      {i > 0 && ', '}
                      <a href={`mailto:${f.email}`}>{f.email}</a>
                    </span>
                  ))}
                </>
              ) : (
                t.flows.upkeep.noFixer
              )}
            </p>
          </li>
        ))}
      </ul>
      {section.totalCount > section.items.length && <p className="meta">{t.flows.upkeep.more(section.totalCount - section.items.length)}</p>}
    </>
  );
}

/** Coordinators: what to chase to keep the directory true, most overdue first, with who can fix it. */
export default function UpkeepPage() {
  const { t } = useI18n();
  return (
    <CoordinatorFrame title={t.flows.upkeep.title} lead={t.flows.upkeep.lead}>
      <UpkeepBody />
    </CoordinatorFrame>
  );
}

function UpkeepBody() {
  const { t, fmt } = useI18n();
  const query = useApiQuery(UpkeepDocument, { first: 20 });
  return (
    <QueryState query={query}>
      {({ upkeep }) => (
        <>
          <p className="meta">{t.flows.upkeep.asOf(fmt.date(upkeep.asOf), upkeep.timeZone, upkeep.thresholds.staleMonths, upkeep.thresholds.expiringDays, upkeep.thresholds.introductionDays)}</p>
          {SECTIONS.map((name) => (
            <Section key={name} id={`upkeep-${name}`} title={`${t.flows.upkeep.sections[name]} (${fmt.number(upkeep[name].totalCount)})`}>
              <Items section={upkeep[name]} />
            </Section>
          ))}
        </>
      )}
    </QueryState>
  );
}
