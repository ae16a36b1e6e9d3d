import type { Provenance as ProvenanceValue } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const URL_LIKE = /^https?:\/\/\S+$/;

/**
 * Whether a record is DOCUMENTED (with its source, linked when it is a URL) or ILLUSTRATIVE.
 * Shown on every record: illustrative data must never pass for fact.
 */
export function ProvenanceBadge({ provenance, source, compact = false }: { provenance: ProvenanceValue | null; source?: string | null; compact?: boolean }) {
  const { t } = useI18n();
  const value: ProvenanceValue = provenance ?? 'ILLUSTRATIVE';
  return (
    <span className={`provenance provenance-${value.toLowerCase()}`}>
      <span className="badge" title={t.enums.provenanceHint[value]}>
        {t.enums.provenance[value]}
      </span>
      {!compact && value === 'DOCUMENTED' && source && (
        <span className="provenance-source">
          {t.common.source}:{' '}
          {URL_LIKE.test(source) ? (
            <a href={source} rel="noopener noreferrer external" target="_blank">
              {new URL(source).hostname}
            </a>
          ) : (
            source
          )}
        </span>
      )}
    </span>
  );
}
