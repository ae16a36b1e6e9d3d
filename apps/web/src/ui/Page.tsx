import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A page's title: sets document.title and, after client-side navigation, moves focus to the
 * heading so screen readers announce the new page (the skip link still reaches <main>).
 */
export function PageTitle({ children, title, lead }: { children: ReactNode; title: string; lead?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t.appName}`;
  }, [title, t.appName]);
  useEffect(() => {
    if (window.history.state !== null || document.activeElement !== document.body) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-title">
      <h1 ref={heading} tabIndex={-1}>
        {children}
      </h1>
      {lead && <p className="lead">{lead}</p>}
    </header>
  );
}

export function Section({ id, title, intro, children }: { id?: string; title: string; intro?: ReactNode; children: ReactNode }) {
  const headingId = `${id ?? title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{title}</h2>
      {intro && <p className="section-intro">{intro}</p>}
      {children}
    </section>
  );
}
