import '../../styles/flows.css';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import type { Account } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../ui/Page';
import { Loading } from '../../ui/QueryState';
import { SignInFirst } from '../editing/EditMunicipalityPage';

/** Coordinators (and administrators) plan, answer, move and audit for everyone. */
export const isCoordinator = (account: Account | null): boolean => account?.role === 'COORDINATOR' || account?.role === 'ADMIN';

/** The page for coordinators; anyone else is told why not (the API refuses them anyway). */
export function CoordinatorOnly({ children }: { children: ReactNode }) {
  const { account, status } = useSession();
  if (status === 'restoring') return <Loading />;
  if (!isCoordinator(account)) return <SignInFirst />;
  return <>{children}</>;
}

/** "← Coordination" above each coordinator page. */
export function BackToHub() {
  const { t } = useI18n();
  return (
    <p className="meta no-print">
      <Link href={paths.coordinator()}>← {t.flows.hub.title}</Link>
    </p>
  );
}

/** A coordinator page: only for coordinators, a way back to the hub, its title and lead. */
export function CoordinatorFrame({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <CoordinatorOnly>
      <BackToHub />
      <PageTitle title={title} lead={lead}>
        {title}
      </PageTitle>
      {children}
    </CoordinatorOnly>
  );
}
