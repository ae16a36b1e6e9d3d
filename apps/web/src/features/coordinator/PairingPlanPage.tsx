import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { PairingPlanPageDocument, type PairingPlanPageQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { Section } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { ReasonList } from '../matching/Reasons';
import { CoordinatorFrame } from './CoordinatorOnly';

type Plan = PairingPlanPageQuery['pairingPlan'];

/** The optimal plan and greedy side by side: totals, then each need's provider under both. */
function Comparison({ plan }: { plan: Plan }) {
  const { t, fmt } = useI18n();
  const score = (n: number) => fmt.number(Math.round(n * 100) / 100);
  const rows: [string, string, string][] = [
    [t.flows.plan.totalScore, score(plan.totalScore), score(plan.greedy.totalScore)],
    [t.flows.plan.assigned, fmt.number(plan.pairs.length), fmt.number(plan.greedy.assigned)],
    [t.flows.plan.providers, fmt.number(plan.distinctProviders), fmt.number(plan.greedy.distinctProviders)],
  ];
  return (
    <table className="comparison">
      <caption>{t.flows.plan.comparison}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t.flows.plan.optimal}</th>
          <th scope="col">{t.flows.plan.greedy}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, optimal, greedy]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{optimal}</td>
            <td>{greedy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pairs({ plan }: { plan: Plan }) {
  const { t, fmt, pick } = useI18n();
  const names = new Map<string, { key: string; name: string; nameJa: string | null }>();
  for (const p of plan.providers) names.set(p.municipality.key, p.municipality);
  for (const p of plan.pairs) names.set(p.municipality.key, p.municipality);
  const greedy = new Map(plan.greedy.pairs.map((p) => [p.needKey, p]));
  return (
    <ol className="plan-pairs">
      {plan.pairs.map((pair) => {
        const other = greedy.get(pair.needKey);
        const same = other?.municipalityKey === pair.municipality.key;
        return (
          <li key={pair.needKey} className="card plan-pair" data-need={pair.needKey} data-provider={pair.municipality.key}>
            <h3 className="card-title">
              <Link href={paths.need(pair.need.key)}>{pair.need.title}</Link> <span className="meta">({<MunicipalityName municipality={pair.need.municipality} link={false} />})</span>
            </h3>
            <div className="plan-choices">
              <p>
                <span className="list-label">{t.flows.plan.optimal}:</span> <MunicipalityName municipality={pair.municipality} />{' '}
                <span className="score">{t.flows.plan.score(fmt.percent(pair.score))}</span>
              </p>
              <p className={same ? 'meta' : 'plan-differs'}>
                <span className="list-label">{t.flows.plan.greedy}:</span>{' '}
                {!other ? t.flows.plan.greedyNone : same ? t.flows.plan.greedySame : <MunicipalityName municipality={names.get(other.municipalityKey) ?? { key: other.municipalityKey, name: other.municipalityKey }} />}
                {other && !same && <span className="score"> {t.flows.plan.score(fmt.percent(other.score))}</span>}
              </p>
            </div>
            <p className="meta">{pick(pair.scoreBasis, pair.scoreBasisJa)}</p>
            <details>
              <summary>{t.suggestion.reasons}</summary>
              <ReasonList reasons={pair.reasons} />
              {pair.mismatches.length > 0 && (
                <>
                  <h4>{t.suggestion.mismatches}</h4>
                  <ReasonList reasons={pair.mismatches} mismatch />
                </>
              )}
            </details>
          </li>
        );
      })}
    </ol>
  );
}

function Unassigned({ plan }: { plan: Plan }) {
  const { t, pick } = useI18n();
  if (plan.unassigned.length === 0) return <p>{t.flows.plan.allAssigned}</p>;
  return (
    <ul className="unassigned">
      {plan.unassigned.map((u) => (
        <li key={u.needKey} data-need={u.needKey} data-code={u.code}>
          <Link href={paths.need(u.need.key)}>{u.need.title}</Link> <span className="badge badge-neutral">{t.flows.plan.codes[u.code as keyof typeof t.flows.plan.codes] ?? u.code}</span>
          <p className="meta">{pick(u.reason, u.reasonJa)}</p>
        </li>
      ))}
    </ul>
  );
}

/** Coordinators: who should help whom next, the plan that maximises the total fit under capacity. */
export default function PairingPlanPage() {
  const { t } = useI18n();
  return (
    <CoordinatorFrame title={t.flows.plan.title} lead={t.flows.plan.lead}>
      <PlanBody />
    </CoordinatorFrame>
  );
}

function PlanBody() {
  const { t } = useI18n();
  const query = useApiQuery(PairingPlanPageDocument, { input: null });
  return (
    <QueryState query={query}>
      {({ pairingPlan: plan }) => (
        <>
          <Section id="comparison" title={t.flows.plan.comparison} intro={t.flows.plan.method(plan.method)}>
            <Comparison plan={plan} />
          </Section>
          <Section id="pairs" title={t.flows.plan.pairs}>
            <Pairs plan={plan} />
          </Section>
          <Section id="unassigned" title={t.flows.plan.unassigned} intro={t.flows.plan.unassignedIntro}>
            <Unassigned plan={plan} />
          </Section>
        </>
      )}
    </QueryState>
  );
}
