import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { session } from '../auth/session';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n/i18n';
import { paths } from './paths';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'en' ? 'ja' : 'en';
  return (
    <button type="button" className="language-switch" lang={other} aria-label={t.language.switchToLabel} onClick={() => setLang(other)}>
      {t.language.switchTo}
    </button>
  );
}

function SessionMenu() {
  const { t } = useI18n();
  const { account, status } = useSession();
  const [location] = useLocation();
  if (status === 'restoring') return null;
  if (!account) {
    return (
      <Link href={paths.signIn(location === '/sign-in' ? undefined : location)} className="nav-link">
        {t.nav.signIn}
      </Link>
    );
  }
  return (
    <span className="session">
      <span className="session-email">{t.signIn.signedInAs(account.email ?? account.role)}</span>
      <button type="button" className="button-link" onClick={() => void session.signOut()}>
        {t.nav.signOut}
      </button>
    </span>
  );
}

/** For the signed-in: where their work is (coordinators: the coordination pages; editors: their profile's editor). */
function WorkLinks() {
  const { t } = useI18n();
  const { account } = useSession();
  if (account?.role === 'COORDINATOR' || account?.role === 'ADMIN') return <Link href={paths.coordinator()} className="nav-link">{t.flows.nav.coordinator}</Link>;
  const key = account?.municipalityKeys[0];
  return key ? <Link href={paths.editMunicipality(key)} className="nav-link">{t.flows.nav.edit}</Link> : null;
}

/** Landmarks on every page: a skip link, banner with navigation, main, contentinfo. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            <span className="brand-name">{t.appName}</span>
            <span className="brand-tagline">{t.tagline}</span>
          </Link>
          <nav aria-label={t.nav.label} className="site-nav">
            <Link href="/" className="nav-link">
              {t.nav.home}
            </Link>
            <Link href={paths.map()} className="nav-link">
              {t.map.nav}
            </Link>
            <Link href={paths.network()} className="nav-link">
              {t.network.nav}
            </Link>
            <Link href={paths.directory()} className="nav-link">
              {t.nav.directory}
            </Link>
            <WorkLinks />
            <SessionMenu />
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t.footer.about}</p>
        <p>{t.footer.provenance}</p>
      </footer>
    </>
  );
}
