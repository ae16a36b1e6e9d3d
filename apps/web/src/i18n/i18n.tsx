import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatters, type Formatters } from './format';
import { initialLanguage, readStoredLanguage, storeLanguage, type Lang } from './language';
import { en, type Messages } from './messages.en';
import { ja } from './messages.ja';

const CATALOGUES: Record<Lang, Messages> = { en, ja };

export interface I18n {
  lang: Lang;
  /** This language's strings. */
  t: Messages;
  fmt: Formatters;
  setLang(lang: Lang): void;
  /** The Japanese value when the language is Japanese and one exists, else the English one. */
  pick(english: string, japanese: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? initialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    storeLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: CATALOGUES[lang],
      fmt: formatters(lang),
      setLang,
      pick: (english, japanese) => (lang === 'ja' && japanese ? japanese : english),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
