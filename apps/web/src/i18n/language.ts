export type Lang = 'en' | 'ja';

export const LANGUAGES: readonly Lang[] = ['en', 'ja'];

/** Where the chosen language is remembered (per browser). */
export const LANG_STORAGE_KEY = 'kakehashi.lang';

/** The remembered choice, else the browser's first preference that is Japanese or English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Lang {
  if (stored === 'en' || stored === 'ja') return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

/** Reads localStorage without failing where it is unavailable (privacy modes, sandboxed frames). */
export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still works for this page.
  }
}
