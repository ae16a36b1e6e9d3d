import { Link } from 'wouter';
import { recordPath } from '../../app/paths';
import type { ReasonFieldsFragment, RecordRefFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

/** The records a reason or pathway step rests on, as links a person can follow to check it. */
export function RecordLinks({ records }: { records: RecordRefFieldsFragment[] }) {
  const { t } = useI18n();
  if (records.length === 0) return null;
  return (
    <p className="rests-on">
      <span className="rests-on-label">{t.suggestion.restsOn}:</span>{' '}
      {records.map((record, i) => (
        <span key={`${record.type}:${record.key}`}>
          {i > 0 && t.common.and}
          <Link href={recordPath(record.type, record.key)}>
            <span className="record-type">{t.enums.recordType[record.type]}</span> {record.label ?? record.key}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** Reasons (what fits) or mismatches (what does not), strongest first, in plain words. */
export function ReasonList({ reasons, mismatch = false }: { reasons: ReasonFieldsFragment[]; mismatch?: boolean }) {
  const { t, fmt, pick } = useI18n();
  return (
    <ul className={mismatch ? 'reasons mismatches' : 'reasons'}>
      {reasons.map((reason, i) => (
        <li key={`${reason.kind}-${i}`} className="reason">
          <p>
            <strong className="reason-label">{pick(reason.labelEn, reason.labelJa)}</strong>{' '}
            <span className="reason-weight">({mismatch ? t.suggestion.cost(fmt.percent(reason.weight)) : t.suggestion.weight(fmt.percent(reason.weight))})</span>
          </p>
          <p className="reason-detail">{pick(reason.detail, reason.detailJa)}</p>
          <RecordLinks records={reason.records} />
        </li>
      ))}
    </ul>
  );
}
