import '../styles/flows.css';
import type { Freshness as FreshnessValue } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

/** How recently a person confirmed a record is still true: CURRENT, AGING or STALE, and the day. */
export function FreshnessBadge({ freshness, lastConfirmedOn }: { freshness: FreshnessValue; lastConfirmedOn: string }) {
  const { t, fmt } = useI18n();
  return (
    <span className={`freshness freshness-${freshness.toLowerCase()}`} data-freshness={freshness}>
      <span className="badge" title={t.flows.freshness.hint[freshness]}>
        {t.flows.freshness.label[freshness]}
      </span>{' '}
      <span className="meta">{t.flows.freshness.confirmed(fmt.date(lastConfirmedOn))}</span>
    </span>
  );
}
