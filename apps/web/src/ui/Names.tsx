import { Link } from 'wouter';
import { paths } from '../app/paths';
import { useI18n } from '../i18n/i18n';

interface Named {
  key: string;
  name: string;
  nameJa?: string | null;
}

/** The name in the current language, with the other one beside it when both are known. */
export function useNames(m: Named): { primary: string; secondary: string | null } {
  const { lang } = useI18n();
  if (!m.nameJa || m.nameJa === m.name) return { primary: m.name, secondary: null };
  return lang === 'ja' ? { primary: m.nameJa, secondary: m.name } : { primary: m.name, secondary: m.nameJa };
}

export function MunicipalityName({ municipality, link = true }: { municipality: Named; link?: boolean }) {
  const { primary, secondary } = useNames(municipality);
  const inner = (
    <>
      {primary}
      {secondary && (
        <span className="secondary-name" lang={secondary === municipality.nameJa ? 'ja' : 'en'}>
          {' '}
          {secondary}
        </span>
      )}
    </>
  );
  return link ? <Link href={paths.municipality(municipality.key)}>{inner}</Link> : inner;
}
