import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/i18n';

/** The search box: a real form (Enter submits), a visible label, results on /search?q=. */
export function SearchForm({ initial = '', large = false }: { initial?: string; large?: boolean }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [text, setText] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q) navigate(paths.search(q));
  };
  return (
    <form role="search" className={large ? 'search-form search-form-large' : 'search-form'} onSubmit={submit}>
      <label htmlFor={id}>{t.home.searchLabel}</label>
      <div className="search-row">
        <input id={id} type="search" name="q" value={text} maxLength={200} placeholder={t.home.searchPlaceholder} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        <button type="submit">{t.home.searchButton}</button>
      </div>
    </form>
  );
}
