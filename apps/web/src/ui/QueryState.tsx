import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t.common.loading}
    </p>
  );
}

/** An API error in plain words (the contract's code decides which), with a retry when it may help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  return (
    <div className="notice notice-error" role="alert">
      <p>{t.errors[code]}</p>
      {onRetry && code !== 'NOT_FOUND' && code !== 'FORBIDDEN' && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}

export function NotFound({ what }: { what: string }) {
  const { t } = useI18n();
  return (
    <div className="not-found">
      <h1 tabIndex={-1}>{t.common.notFound}</h1>
      <p>{t.common.notFoundText(what)}</p>
      <p>
        <Link href="/">{t.common.backHome}</Link>
      </p>
    </div>
  );
}

/** Loading, then the error, then `children(data)`. */
export function QueryState<T>({ query, children }: { query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown }; children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
