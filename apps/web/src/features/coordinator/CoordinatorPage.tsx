import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../ui/Page';
import { CoordinatorOnly } from './CoordinatorOnly';

/** A coordinator's starting point: one link per task, each saying what it is for. */
export default function CoordinatorPage() {
  const { t } = useI18n();
  const tasks = [
    { href: paths.pairingPlan(), ...t.flows.hub.plan },
    { href: paths.introductions(), ...t.flows.hub.introductions },
    { href: paths.pipeline(), ...t.flows.hub.pipeline },
    { href: paths.upkeep(), ...t.flows.hub.upkeep },
    { href: paths.auditLog(), ...t.flows.hub.audit },
    { href: paths.invite(), ...t.flows.hub.invite },
    { href: paths.studySession(), ...t.flows.hub.session },
  ];
  return (
    <CoordinatorOnly>
      <PageTitle title={t.flows.hub.title} lead={t.flows.hub.lead}>
        {t.flows.hub.title}
      </PageTitle>
      <ul className="cards hub">
        {tasks.map((task) => (
          <li key={task.href} className="card">
            <h2 className="card-title">
              <Link href={task.href}>{task.title}</Link>
            </h2>
            <p>{task.text}</p>
          </li>
        ))}
      </ul>
    </CoordinatorOnly>
  );
}
