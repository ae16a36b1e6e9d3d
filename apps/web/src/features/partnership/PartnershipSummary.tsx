import { Link } from 'wouter';
import { paths } from '../../app/paths';
import type { PartnershipFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { ProvenanceBadge } from '../../ui/Provenance';
import { TopicList } from '../../ui/Topics';

/** Outcome values as measured; an indicator's name is kept as recorded (e.g. NRW_PERCENT). */
export function Outcomes({ outcomes }: { outcomes: PartnershipFieldsFragment['outcomes'] }) {
  const { t, fmt } = useI18n();
  if (outcomes.length === 0) return null;
  const value = (v: number | null) => (v === null ? '—' : fmt.number(v));
  return (
    <table className="outcomes">
      <caption>{t.partnership.outcomes}</caption>
      <thead>
        <tr>
          <th scope="col">{t.partnership.outcomes}</th>
          <th scope="col">{t.partnership.before}</th>
          <th scope="col">{t.partnership.after}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o, i) => (
          <tr key={`${o.indicator}-${i}`}>
            <th scope="row">
              {o.indicator.replace(/_/g, ' ')}
              {o.note && <span className="meta"> ({o.note})</span>}
            </th>
            <td>{value(o.before)}</td>
            <td>
              <span aria-hidden="true">→ </span>
              {value(o.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A partnership: scheme, status, years, members with roles, outcomes before → after. */
export function PartnershipSummary({ p, heading = 'h3', link = true }: { p: PartnershipFieldsFragment; heading?: 'h2' | 'h3'; link?: boolean }) {
  const { t } = useI18n();
  const Heading = heading;
  const years = p.startYear ? t.common.years(String(p.startYear), p.endYear ? String(p.endYear) : t.common.ongoing) : null;
  return (
    <article className="card partnership">
      <Heading className="card-title">{link ? <Link href={paths.partnership(p.key)}>{p.title}</Link> : p.title}</Heading>
      <dl className="facts">
        {p.scheme && (
          <>
            <dt>{t.partnership.scheme}</dt>
            <dd>{t.enums.scheme[p.scheme]}</dd>
          </>
        )}
        <dt>{t.partnership.status}</dt>
        <dd>{t.enums.partnershipStatus[p.status]}</dd>
        {years && (
          <>
            <dt>{t.partnership.period}</dt>
            <dd>{years}</dd>
          </>
        )}
        <dt>{t.partnership.members}</dt>
        <dd>
          <ul className="members">
            {p.members.map((m) => (
              <li key={m.municipality.key}>
                <MunicipalityName municipality={m.municipality} /> <span className="meta">({t.enums.role[m.role]})</span>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {p.summary && <p>{p.summary}</p>}
      <Outcomes outcomes={p.outcomes} />
      <TopicList topics={p.topics} />
      <ProvenanceBadge provenance={p.provenance} source={p.source} />
    </article>
  );
}
