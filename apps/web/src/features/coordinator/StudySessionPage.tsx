import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApiQuery } from '../../api/hooks';
import { StudySessionPlanDocument, type SeatRole, type StudySessionPlanInput, type StudySessionPlanQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { Section } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { TopicList } from '../../ui/Topics';
import { fieldProblems } from '../../ui/forms';
import { RecordLinks, ReasonList } from '../matching/Reasons';
import { CoordinatorFrame } from './CoordinatorOnly';

type Plan = StudySessionPlanQuery['studySessionPlan'];

const ROLES: readonly SeatRole[] = ['NEWCOMER', 'EXPERIENCED', 'PARTNER'];

/** A month from today, as YYYY-MM-DD: a first date to plan for. */
const inAMonth = (): string => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

function PlanForm({ onPlan, error }: { onPlan: (input: StudySessionPlanInput) => void; error: unknown }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ region: 'Kyushu', date: inAMonth(), groups: '2', groupSize: '4' });
  const id = useId();
  const problems = fieldProblems(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPlan({ region: values.region.trim(), date: values.date, groups: Number(values.groups), groupSize: Number(values.groupSize) });
  };
  const field = (name: keyof typeof values, label: string, type: string) => (
    <div className={problems[name] ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={values[name]}
        min={type === 'number' ? 1 : undefined}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={problems[name] ? `${id}-${name}-problem` : undefined}
      />
      {problems[name] && (
        <p id={`${id}-${name}-problem`} className="field-problem">
          {problems[name]}
        </p>
      )}
    </div>
  );
  return (
    <form className="filters filters-inline no-print" onSubmit={submit} noValidate aria-label={t.flows.session.formLabel}>
      {field('region', t.flows.session.region, 'text')}
      {field('date', t.flows.session.date, 'date')}
      {field('groups', t.flows.session.groups, 'number')}
      {field('groupSize', t.flows.session.groupSize, 'number')}
      <button type="submit">{t.flows.session.plan}</button>
    </form>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t, fmt, pick } = useI18n();
  return (
    <article className="session-plan">
      <header className="session-head">
        <h2>{t.flows.session.heading(plan.region.name, fmt.date(plan.date))}</h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t.flows.session.print}
        </button>
      </header>
      <Section id="session-themes" title={t.flows.session.themes}>
        <ol className="session-themes">
          {plan.themes.map((theme) => (
            <li key={theme.topic.key}>
              <strong>{pick(theme.topic.labelEn, theme.topic.labelJa)}</strong> — {t.flows.session.needCount(theme.needCount)}
              <RecordLinks records={theme.needs} />
            </li>
          ))}
        </ol>
      </Section>
      <Section id="session-presentations" title={t.flows.session.presentations}>
        <ol className="session-list">
          {plan.presentations.map((p) => (
            <li key={`${p.topic.key}:${p.municipality.key}`} className="card session-item">
              <h3 className="card-title">
                {pick(p.topic.labelEn, p.topic.labelJa)}: <MunicipalityName municipality={p.municipality} />
              </h3>
              <ReasonList reasons={p.reasons} />
            </li>
          ))}
        </ol>
      </Section>
      <Section id="session-invitees" title={t.flows.session.invitees}>
        {ROLES.map((role) => {
          const invitees = plan.invitees.filter((i) => i.role === role);
          if (invitees.length === 0) return null;
          return (
            <div key={role} className="session-role">
              <h3>
                {t.flows.session.roles[role]} ({fmt.number(invitees.length)})
              </h3>
              <ul className="session-list">
                {invitees.map((i) => (
                  <li key={i.municipality.key} className="card session-item">
                    <h4 className="card-title">
                      <MunicipalityName municipality={i.municipality} />
                    </h4>
                    <TopicList topics={i.topics} />
                    <ReasonList reasons={i.reasons} />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </Section>
      <Section id="session-groups" title={t.flows.session.groupsTitle}>
        {plan.groups.map((g) => (
          <div key={g.number} className="card session-group">
            <h3 className="card-title">{t.flows.session.group(g.number)}</h3>
            <ul className="session-seats">
              {g.seats.map((s) => (
                <li key={s.municipality.key}>
                  <MunicipalityName municipality={s.municipality} /> <span className="meta">({t.flows.session.roles[s.role]})</span>
                </li>
              ))}
            </ul>
            <TopicList topics={g.topics} />
            <ReasonList reasons={g.reasons} />
          </div>
        ))}
      </Section>
      {(plan.notes.length > 0 || plan.unseated.length > 0) && (
        <Section id="session-notes" title={t.flows.session.notes}>
          <ul>
            {plan.notes.map((n, i) => (
              <li key={`${n.code}-${i}`}>
                {pick(n.detail, n.detailJa)}
                <RecordLinks records={n.records} />
              </li>
            ))}
          </ul>
          {plan.unseated.length > 0 && (
            <p>
              {t.flows.session.unseated}:{' '}
              {plan.unseated.map((s, i) => (
                <span key={s.municipality.key}>
                  {i > 0 && ', '}
                  <MunicipalityName municipality={s.municipality} link={false} />
                </span>
              ))}
            </p>
          )}
        </Section>
      )}
    </article>
  );
}

function PlanResult({ input, onError }: { input: StudySessionPlanInput; onError: (error: unknown) => void }) {
  const query = useApiQuery(StudySessionPlanDocument, { input });
  // The API's field problems (input.region, input.date, …) belong beside the form's fields.
  useEffect(() => onError(query.error), [query.error, onError]);
  return <QueryState query={query}>{({ studySessionPlan }) => <PlanView plan={studySessionPlan} />}</QueryState>;
}

/** Coordinators: a study session for a region — themes, presentations, invitees, groups, each with reasons — to print. */
export default function StudySessionPage() {
  const { t } = useI18n();
  const [input, setInput] = useState<StudySessionPlanInput | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <CoordinatorFrame title={t.flows.session.title} lead={t.flows.session.lead}>
      <PlanForm
        error={error}
        onPlan={(next) => {
          setError(null);
          setInput(next);
        }}
      />
      {input && <PlanResult key={JSON.stringify(input)} input={input} onError={setError} />}
    </CoordinatorFrame>
  );
}
