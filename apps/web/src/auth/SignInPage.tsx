import { useId, useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/Page';
import { ErrorNotice } from '../ui/QueryState';
import { session } from './session';
import { useSession } from './use-session';

/** Only same-site paths: `?return=https://elsewhere` must not become an open redirect. */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export default function SignInPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const { account } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await session.signIn(email.trim(), password, lang);
      navigate(safeReturnPath(params.get('return')), { replace: true });
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  const wrongCredentials = error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'BAD_USER_INPUT');
  return (
    <div className="sign-in">
      <PageTitle title={t.signIn.title} lead={t.signIn.intro}>
        {t.signIn.title}
      </PageTitle>
      {account && <p className="notice">{t.signIn.signedInAs(account.email ?? account.role)}</p>}
      <form className="form narrow" onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
        <div className="field">
          <label htmlFor={emailId}>{t.signIn.email}</label>
          <input id={emailId} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t.signIn.password}</label>
          <input id={passwordId} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <div id={errorId}>
          {wrongCredentials ? (
            <p className="notice notice-error" role="alert">
              {t.signIn.failed}
            </p>
          ) : (
            error !== null && <ErrorNotice error={error} />
          )}
        </div>
        <button type="submit" disabled={pending}>
          {pending ? t.signIn.signingIn : t.signIn.submit}
        </button>
      </form>
      <p className="meta">{t.signIn.demo}</p>
    </div>
  );
}
