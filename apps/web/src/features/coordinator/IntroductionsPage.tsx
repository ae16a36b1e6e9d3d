import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { useSession } from '../../auth/use-session';
import { AcceptIntroductionDocument, DeclineIntroductionDocument, OpenIntroductionsDocument, type DeclineReason, type OpenIntroductionsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { PageTitle } from '../../ui/Page';
import { ErrorNotice, QueryState } from '../../ui/QueryState';
import { SignInFirst } from '../editing/EditMunicipalityPage';
import { BackToHub, isCoordinator } from './CoordinatorOnly';

const DECLINE: readonly DeclineReason[] = ['NOT_OUR_EXPERTISE', 'NO_CAPACITY', 'TIMING', 'ALREADY_ENGAGED', 'OTHER'];

type Intro = OpenIntroductionsQuery['introductions'][number];

function Answer({ intro, onAnswered }: { intro: Intro; onAnswered: (message: string) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'accept' | 'decline' | null>(null);
  const [reason, setReason] = useState<DeclineReason>('NOT_OUR_EXPERTISE');
  const [note, setNote] = useState('');
  const invalidates = ['OpenIntroductions', 'Introductions', 'PipelinePartnerships'];
  const accept = useApiMutation(AcceptIntroductionDocument, invalidates);
  const decline = useApiMutation(DeclineIntroductionDocument, invalidates);
  const ids = { reason: useId(), note: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim() || null;
    // The answered introduction leaves the list when it reloads: the page, not this card, says it went through.
    const answered = mode === 'accept' ? accept.mutateAsync({ input: { id: intro.id, note: text } }).then(() => t.flows.intros.accepted) : decline.mutateAsync({ input: { id: intro.id, reason, note: text } }).then(() => t.flows.intros.declined);
    void answered.then(onAnswered).catch(() => undefined);
  };
  if (mode === null) {
    return (
      <div className="button-row">
        <button type="button" onClick={() => setMode('accept')}>
          {t.flows.intros.accept}
        </button>
        <button type="button" className="button-secondary" onClick={() => setMode('decline')}>
          {t.flows.intros.decline}
        </button>
      </div>
    );
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={mode === 'accept' ? t.flows.intros.accept : t.flows.intros.decline}>
      {mode === 'decline' && (
        <div className="field">
          <label htmlFor={ids.reason}>{t.suggestion.dismissReason}</label>
          <select id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value as DeclineReason)}>
            {DECLINE.map((r) => (
              <option key={r} value={r}>
                {t.flows.intros.reasons[r]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.note}>{t.suggestion.dismissNote}</label>
        <textarea id={ids.note} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {(accept.error || decline.error) && <ErrorNotice error={accept.error ?? decline.error} />}
      <div className="button-row">
        <button type="submit" disabled={accept.isPending || decline.isPending}>
          {mode === 'accept' ? t.flows.intros.accept : t.flows.intros.decline}
        </button>
        <button type="button" className="button-secondary" onClick={() => setMode(null)}>
          {t.suggestion.cancel}
        </button>
      </div>
    </form>
  );
}

/**
 * Introductions waiting for an answer: every one for coordinators, those asked of their
 * municipality for an editor. The asked side accepts (a PROPOSED partnership follows) or declines.
 */
export default function IntroductionsPage() {
  const { t } = useI18n();
  const { account, status } = useSession();
  const [answered, setAnswered] = useState<string | null>(null);
  const coordinator = isCoordinator(account);
  const municipalityKey = coordinator ? null : (account?.municipalityKeys[0] ?? null);
  const allowed = coordinator || municipalityKey !== null;
  const query = useApiQuery(OpenIntroductionsDocument, { status: 'REQUESTED', municipalityKey }, { enabled: allowed });
  if (status !== 'restoring' && !allowed) return <SignInFirst />;
  return (
    <>
      {coordinator && <BackToHub />}
      <PageTitle title={t.flows.intros.title} lead={t.flows.intros.lead}>
        {t.flows.intros.title}
      </PageTitle>
      <p role="status" className="answered">
        {answered}
      </p>
      <QueryState query={query}>
        {({ introductions }) =>
          introductions.length === 0 ? (
            <p>{t.flows.intros.none}</p>
          ) : (
            <ul className="cards">
              {introductions.map((intro) => (
                <li key={intro.id} className="card" data-introduction={intro.id}>
                  <h2 className="card-title">
                    <MunicipalityName municipality={intro.requester} /> → <MunicipalityName municipality={intro.candidate} />
                  </h2>
                  <IntroMeta intro={intro} />
                  {(coordinator || account?.municipalityKeys.includes(intro.candidate.key)) && <Answer intro={intro} onAnswered={setAnswered} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function IntroMeta({ intro }: { intro: Intro }) {
  const { t, fmt } = useI18n();
  return (
    <>
      <p className="meta">
        {t.flows.intros.asked(fmt.date(intro.createdAt))} · {t.flows.intros.list[intro.list]}
        {intro.overdue && (
          <>
            {' '}
            <span className="badge badge-warning">{t.flows.intros.overdue}</span>
          </>
        )}
      </p>
      {intro.need && (
        <p>
          <span className="list-label">{t.need.title}:</span> <Link href={paths.need(intro.need.key)}>{intro.need.title}</Link>
        </p>
      )}
      {intro.message && <blockquote className="message">{intro.message}</blockquote>}
    </>
  );
}
