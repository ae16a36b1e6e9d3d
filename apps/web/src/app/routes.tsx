import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Switch } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { Loading, NotFound } from '../ui/QueryState';

/**
 * The route table. Every page is its own chunk, loaded when first visited, so the first page
 * downloads only the shell and itself. A new page: add a folder under features/ with a default-
 * exported component and one line here.
 */
const page = (load: () => Promise<{ default: ComponentType }>): LazyExoticComponent<ComponentType> => lazy(load);

export const ROUTES: { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  { path: '/', component: page(() => import('../features/home/HomePage')) },
  { path: '/map', component: page(() => import('../features/map/MapPage')) },
  { path: '/network', component: page(() => import('../features/network/NetworkPage')) },
  { path: '/search', component: page(() => import('../features/search/SearchPage')) },
  { path: '/directory', component: page(() => import('../features/directory/DirectoryPage')) },
  { path: '/municipalities/:key', component: page(() => import('../features/municipality/MunicipalityPage')) },
  { path: '/needs/:key', component: page(() => import('../features/need/NeedPage')) },
  { path: '/partnerships/:key', component: page(() => import('../features/partnership/PartnershipPage')) },
  { path: '/case-studies/:key', component: page(() => import('../features/knowledge/CaseStudyPage')) },
  { path: '/events/:key', component: page(() => import('../features/knowledge/EventPage')) },
  { path: '/sign-in', component: page(() => import('../auth/SignInPage')) },
  { path: '/municipalities/:key/edit', component: page(() => import('../features/editing/EditMunicipalityPage')) },
  { path: '/coordinator', component: page(() => import('../features/coordinator/CoordinatorPage')) },
  { path: '/coordinator/plan', component: page(() => import('../features/coordinator/PairingPlanPage')) },
  { path: '/coordinator/introductions', component: page(() => import('../features/coordinator/IntroductionsPage')) },
  { path: '/coordinator/pipeline', component: page(() => import('../features/coordinator/PipelinePage')) },
  { path: '/coordinator/upkeep', component: page(() => import('../features/coordinator/UpkeepPage')) },
  { path: '/coordinator/audit', component: page(() => import('../features/coordinator/AuditLogPage')) },
  { path: '/coordinator/invite', component: page(() => import('../features/coordinator/InvitePage')) },
  { path: '/coordinator/study-session', component: page(() => import('../features/coordinator/StudySessionPage')) },
];

export function AppRoutes() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        {ROUTES.map(({ path, component }) => (
          <Route key={path} path={path} component={component} />
        ))}
        <Route>
          <NotFound what={t.common.notFound.toLowerCase()} />
        </Route>
      </Switch>
    </Suspense>
  );
}
