import { useId, useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { DismissSuggestionDocument, RequestIntroductionDocument, type DismissReason, type MatchList } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/QueryState';

const REASONS: readonly DismissReason[] = ['NOT_RELEVANT', 'WRONG_TOPIC', 'NO_CAPACITY', 'ALREADY_IN_CONTACT', 'OTHER'];

export interface SuggestionRef {
  list: MatchList;
  needKey?: string;
  municipalityKey?: string;
  candidateKey: string;
}

/**
 * For those who may act for the asking municipality: dismiss with a reason, or request an
 * introduction. Each opens a small inline form (keyboard-first, no modal trap).
 */
export function SuggestionActions({ target, introStatus }: { target: SuggestionRef; introStatus?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'dismiss' | 'request' | null>(null);
  const [reason, setReason] = useState<DismissReason>('NOT_RELEVANT');
  const [text, setText] = useState('');
  // A dismissed card stays (saying so) until the list is next loaded, which leaves it out.
  const dismiss = useApiMutation(DismissSuggestionDocument);
  const request = useApiMutation(RequestIntroductionDocument, ['Introductions']);
  const reasonId = useId();
  const textId = useId();
  const ref = { list: target.list, needKey: target.needKey ?? null, municipalityKey: target.municipalityKey ?? null, candidateKey: target.candidateKey };

  if (dismiss.isSuccess) return <p role="status" className="notice">{t.suggestion.dismissed}</p>;
  if (request.isSuccess) return <p role="status" className="notice">{t.suggestion.requested}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim() || null;
    if (open === 'dismiss') dismiss.mutate({ input: { ...ref, reason, note } });
    else request.mutate({ input: { ...ref, message: note } });
  };
  const pending = dismiss.isPending || request.isPending;
  return (
    <div className="suggestion-actions">
      {introStatus && <p className="meta">{t.suggestion.introStatus(introStatus)}</p>}
      {open === null ? (
        <div className="button-row">
          {!introStatus && (
            <button type="button" onClick={() => setOpen('request')}>
              {t.suggestion.requestIntro}
            </button>
          )}
          <button type="button" className="button-secondary" onClick={() => setOpen('dismiss')}>
            {t.suggestion.dismiss}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} className="inline-form" aria-label={open === 'dismiss' ? t.suggestion.dismissTitle : t.suggestion.requestTitle}>
          <h4>{open === 'dismiss' ? t.suggestion.dismissTitle : t.suggestion.requestTitle}</h4>
          {open === 'dismiss' && (
            <div className="field">
              <label htmlFor={reasonId}>{t.suggestion.dismissReason}</label>
              <select id={reasonId} value={reason} onChange={(e) => setReason(e.target.value as DismissReason)}>
                {REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t.enums.dismissReason[r]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={textId}>{open === 'dismiss' ? t.suggestion.dismissNote : t.suggestion.requestMessage}</label>
            <textarea id={textId} value={text} maxLength={2000} rows={3} onChange={(e) => setText(e.target.value)} />
          </div>
          {(dismiss.error || request.error) && <ErrorNotice error={dismiss.error ?? request.error} />}
          <div className="button-row">
            <button type="submit" disabled={pending}>
              {open === 'dismiss' ? t.suggestion.dismissConfirm : t.suggestion.requestConfirm}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(null)}>
              {t.suggestion.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
