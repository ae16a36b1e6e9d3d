import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { authedRequest, canActFor } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import {
  CreateCaseStudyDocument,
  CreateNeedDocument,
  EditMunicipalityDocument,
  RemoveExpertiseDocument,
  SetExpertiseDocument,
  UpdateCaseStudyDocument,
  UpdateMunicipalityDocument,
  UpdateNeedDocument,
  type EditMunicipalityQuery,
  type NeedPriority,
  type NeedStatus,
  type OverseasExperience,
  type Provenance,
} from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useTopics } from '../../taxonomy/use-topics';
import { useNames } from '../../ui/Names';
import { PageTitle, Section } from '../../ui/Page';
import { NotFound, QueryState } from '../../ui/QueryState';
import { asLines, asList, asNumber, asText, Field, fieldProblems, SaveProblem, SaveRow, useSave, useVersionedForm, type FormValues } from '../../ui/forms';

type Editable = NonNullable<EditMunicipalityQuery['municipality']>;
type ExpertiseEntry = Editable['expertise'][number];
type NeedEntry = Editable['needs'][number];
type CaseStudyEntry = Editable['caseStudies'][number];

/** Operation names whose cached answers an edit makes stale (profile, need and case study pages). */
const EDITED = ['EditMunicipality', 'MunicipalityProfile', 'NeedPage', 'CaseStudyPage', 'PeerSuggestions', 'PartnerSuggestions'];

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The record as the editor last read it: `load()` asks the API again (after a CONFLICT). */
function useLoad(key: string) {
  const { lang } = useI18n();
  const client = useQueryClient();
  return async (): Promise<Editable | null> => {
    const data = await authedRequest(EditMunicipalityDocument, { key }, { lang });
    client.setQueriesData({ queryKey: ['EditMunicipality', { key }] }, data);
    return data.municipality;
  };
}

function useEnumOptions() {
  const { t } = useI18n();
  const blank = { value: '', label: t.flows.form.notSet };
  return {
    provenance: [blank, ...(['DOCUMENTED', 'ILLUSTRATIVE'] as Provenance[]).map((v) => ({ value: v, label: t.enums.provenance[v] }))],
    experience: [blank, ...(['NONE', 'SOME', 'EXTENSIVE'] as OverseasExperience[]).map((v) => ({ value: v, label: t.enums.experience[v] }))],
    priority: [blank, ...(['LOW', 'MEDIUM', 'HIGH'] as NeedPriority[]).map((v) => ({ value: v, label: t.enums.priority[v] }))],
    // EXPIRED is not set by hand: a need expires by its last day.
    needStatus: (['OPEN', 'MATCHED', 'CLOSED'] as NeedStatus[]).map((v) => ({ value: v, label: t.enums.needStatus[v] })),
    level: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t.common.levelOf(n) })),
  };
}

const profileValues = (m: Editable): FormValues => ({
  name: m.name,
  nameJa: text(m.nameJa),
  organization: text(m.organization),
  population: text(m.population),
  capacity: text(m.capacity),
  overseasExperience: text(m.overseasExperience),
  website: text(m.website),
  contactEmail: text(m.contactEmail),
  languages: m.languages.join(', '),
  provenance: text(m.provenance),
  source: text(m.source),
});

/** Form text → the input field's value, per field of the profile. */
function profileInput(values: FormValues, changed: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of changed) {
    const value = values[name] ?? '';
    if (name === 'population' || name === 'capacity') input[name] = asNumber(value);
    else if (name === 'languages') input[name] = asList(value);
    else input[name] = asText(value);
  }
  return input;
}

function ProfileForm({ m }: { m: Editable }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const form = useVersionedForm(profileValues(m), m.version);
  const update = useApiMutation(UpdateMunicipalityDocument, EDITED);
  const load = useLoad(m.key);
  const save = useSave(
    form,
    async (changed, version) => (await update.mutateAsync({ input: { key: m.key, version, ...profileInput(form.values, changed) } })).updateMunicipality.version,
    async () => {
      const fresh = await load();
      return fresh && { values: profileValues(fresh), version: fresh.version };
    },
  );
  const f = { form, problems: save.problems };
  return (
    <Section id="edit-profile" title={t.flows.edit.profile}>
      <form className="form edit-form" onSubmit={save.submit} noValidate>
        <Field name="name" label={t.flows.edit.name} {...f} />
        <Field name="nameJa" label={t.flows.edit.nameJa} lang="ja" {...f} />
        <Field name="organization" label={t.common.organization} {...f} />
        <div className="field-pair">
          <Field name="population" label={t.common.population} kind="number" {...f} />
          <Field name="capacity" label={t.common.capacity} hint={t.flows.edit.capacityHint} kind="number" {...f} />
        </div>
        <Field name="overseasExperience" label={t.common.overseasExperience} kind="select" options={options.experience} {...f} />
        <Field name="languages" label={t.common.languages} hint={t.flows.edit.languagesHint} {...f} />
        <Field name="website" label={t.common.website} inputMode="url" {...f} />
        <Field name="contactEmail" label={t.flows.edit.contactEmail} inputMode="email" {...f} />
        <Field name="provenance" label={t.flows.edit.provenance} kind="select" options={options.provenance} {...f} />
        <Field name="source" label={t.common.source} hint={t.flows.edit.sourceHint} {...f} />
        <SaveProblem error={save.error} fields={Object.keys(form.values)} onReload={save.reload} reloading={save.pending} />
        <SaveRow pending={save.pending} done={save.done} />
      </form>
    </Section>
  );
}

const expertiseValues = (e: { level: number; evidence: string | null; provenance: Provenance | null; source: string | null }): FormValues => ({
  level: String(e.level),
  evidence: text(e.evidence),
  provenance: text(e.provenance),
  source: text(e.source),
});

/** One expertise entry: setExpertise replaces the whole entry, so every field is sent. */
function ExpertiseForm({ municipalityKey, entry }: { municipalityKey: string; entry: ExpertiseEntry }) {
  const { t, pick } = useI18n();
  const options = useEnumOptions();
  const form = useVersionedForm(expertiseValues(entry), entry.version);
  const set = useApiMutation(SetExpertiseDocument, EDITED);
  const remove = useApiMutation(RemoveExpertiseDocument, EDITED);
  const load = useLoad(municipalityKey);
  const save = useSave(
    form,
    async (_changed, version) => {
      const v = form.values;
      const input = { municipality: municipalityKey, topic: entry.topicKey, version, level: Number(v.level), evidence: asText(v.evidence ?? ''), provenance: (asText(v.provenance ?? '') as Provenance | null) ?? null, source: asText(v.source ?? '') };
      return (await set.mutateAsync({ input })).setExpertise.version;
    },
    async () => {
      const fresh = (await load())?.expertise.find((e) => e.topicKey === entry.topicKey);
      return fresh ? { values: expertiseValues(fresh), version: fresh.version } : null;
    },
  );
  const f = { form, problems: save.problems };
  const label = pick(entry.topic.labelEn, entry.topic.labelJa);
  return (
    <li className="card" data-topic={entry.topicKey}>
      <form className="form edit-form" onSubmit={save.submit} noValidate aria-label={t.flows.edit.expertiseOn(label)}>
        <h3 className="card-title">{label}</h3>
        <Field name="level" label={t.flows.edit.level} kind="select" options={options.level} {...f} />
        <Field name="evidence" label={t.municipality.evidence} hint={t.flows.edit.evidenceHint} kind="textarea" rows={4} {...f} />
        <Field name="provenance" label={t.flows.edit.provenance} kind="select" options={options.provenance} {...f} />
        <Field name="source" label={t.common.source} {...f} />
        <SaveProblem error={save.error ?? remove.error} fields={Object.keys(form.values)} onReload={save.reload} reloading={save.pending} />
        <SaveRow pending={save.pending || remove.isPending} done={save.done}>
          <button type="button" className="button-secondary" onClick={() => remove.mutate({ municipality: municipalityKey, topic: entry.topicKey })}>
            {t.flows.edit.remove}
          </button>
        </SaveRow>
      </form>
    </li>
  );
}

/** A topic of the taxonomy (not a domain), in the current language. */
function TopicSelect({ value, onChange, exclude, blank, problem }: { value: string; onChange: (key: string) => void; exclude: string[]; blank: string; problem?: string }) {
  const { t, pick } = useI18n();
  const topics = useTopics();
  const id = useId();
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t.need.topics}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined}>
        <option value="">{blank}</option>
        {(topics.data?.topics ?? [])
          .filter((x) => x.parentKey !== null && !exclude.includes(x.key))
          .map((x) => (
            <option key={x.key} value={x.key}>
              {pick(x.labelEn, x.labelJa)}
            </option>
          ))}
      </select>
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function AddExpertise({ municipalityKey, taken }: { municipalityKey: string; taken: string[] }) {
  const { t } = useI18n();
  const set = useApiMutation(SetExpertiseDocument, EDITED);
  const [topic, setTopic] = useState('');
  const [level, setLevel] = useState('3');
  const [evidence, setEvidence] = useState('');
  const ids = { title: useId(), level: useId(), evidence: useId() };
  const problems = fieldProblems(set.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate({ input: { municipality: municipalityKey, topic, level: Number(level), evidence: asText(evidence) } }, { onSuccess: () => (setTopic(''), setEvidence('')) });
  };
  return (
    <form className="form edit-form inline-form" onSubmit={submit} noValidate aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t.flows.edit.addExpertise}</h3>
      <TopicSelect value={topic} onChange={setTopic} exclude={taken} blank={t.flows.form.choose} problem={problems.topic} />
      <div className="field">
        <label htmlFor={ids.level}>{t.flows.edit.level}</label>
        <select id={ids.level} value={level} onChange={(e) => setLevel(e.target.value)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t.common.levelOf(n)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.evidence}>{t.municipality.evidence}</label>
        <textarea id={ids.evidence} rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} aria-invalid={problems.evidence ? true : undefined} />
        {problems.evidence && <p className="field-problem">{problems.evidence}</p>}
      </div>
      {set.error && !Object.keys(problems).length ? <SaveProblem error={set.error} fields={[]} onReload={() => undefined} reloading={false} /> : null}
      <button type="submit" disabled={set.isPending || topic === ''}>
        {t.flows.edit.add}
      </button>
    </form>
  );
}

const needValues = (n: NeedEntry): FormValues => ({
  title: n.title,
  description: text(n.description),
  priority: text(n.priority),
  status: n.status === 'EXPIRED' ? 'OPEN' : n.status,
  expiresOn: text(n.expiresOn),
  provenance: text(n.provenance),
  source: text(n.source),
});

function NeedForm({ municipalityKey, need }: { municipalityKey: string; need: NeedEntry }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const form = useVersionedForm(needValues(need), need.version);
  const update = useApiMutation(UpdateNeedDocument, EDITED);
  const load = useLoad(municipalityKey);
  const save = useSave(
    form,
    async (changed, version) => {
      const input: Record<string, unknown> = {};
      for (const name of changed) input[name] = asText(form.values[name] ?? '');
      return (await update.mutateAsync({ input: { key: need.key, version, ...input } })).updateNeed.version;
    },
    async () => {
      const fresh = (await load())?.needs.find((n) => n.key === need.key);
      return fresh ? { values: needValues(fresh), version: fresh.version } : null;
    },
  );
  const f = { form, problems: save.problems };
  return (
    <details className="card edit-record" data-need={need.key}>
      <summary>
        {need.title} <span className="meta">({t.enums.needStatus[need.status]})</span>
      </summary>
      <form className="form edit-form" onSubmit={save.submit} noValidate aria-label={need.title}>
        <Field name="title" label={t.flows.edit.title} {...f} />
        <Field name="description" label={t.flows.edit.description} kind="textarea" rows={4} {...f} />
        <Field name="priority" label={t.need.priority} kind="select" options={options.priority} {...f} />
        <Field name="status" label={t.need.status} kind="select" options={options.needStatus} {...f} />
        <Field name="expiresOn" label={t.need.expiresOn} hint={t.flows.edit.expiresHint} kind="date" {...f} />
        <Field name="provenance" label={t.flows.edit.provenance} kind="select" options={options.provenance} {...f} />
        <Field name="source" label={t.common.source} {...f} />
        <SaveProblem error={save.error} fields={Object.keys(form.values)} onReload={save.reload} reloading={save.pending} />
        <SaveRow pending={save.pending} done={save.done}>
          <Link href={paths.need(need.key)}>{t.flows.edit.view}</Link>
        </SaveRow>
      </form>
    </details>
  );
}

/** A new record (need or case study): its key is made from the title, the API says if it is taken. */
const slug = (municipalityKey: string, title: string) =>
  `${municipalityKey}-${title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || Date.now().toString(36)}`;

function CreateRecord({ municipalityKey, kind }: { municipalityKey: string; kind: 'need' | 'caseStudy' }) {
  const { t } = useI18n();
  const createNeed = useApiMutation(CreateNeedDocument, EDITED);
  const createCase = useApiMutation(CreateCaseStudyDocument, EDITED);
  const mutation = kind === 'need' ? createNeed : createCase;
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [topic, setTopic] = useState('');
  const ids = { title: useId(), body: useId(), heading: useId() };
  const problems = fieldProblems(mutation.error);
  const bodyField = kind === 'need' ? 'description' : 'summary';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { key: slug(municipalityKey, title), municipality: municipalityKey, title: title.trim(), topics: topic ? [topic] : [] };
    const reset = { onSuccess: () => (setTitle(''), setBody(''), setTopic('')) };
    if (kind === 'need') createNeed.mutate({ input: { ...common, description: asText(body) } }, reset);
    else createCase.mutate({ input: { ...common, summary: asText(body) } }, reset);
  };
  return (
    <form className="form edit-form inline-form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{kind === 'need' ? t.flows.edit.addNeed : t.flows.edit.addCaseStudy}</h3>
      <div className="field">
        <label htmlFor={ids.title}>{t.flows.edit.title}</label>
        <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={problems.title || problems.key ? true : undefined} />
        {(problems.title || problems.key) && <p className="field-problem">{problems.title ?? problems.key}</p>}
      </div>
      <div className="field">
        <label htmlFor={ids.body}>{kind === 'need' ? t.flows.edit.description : t.flows.edit.summary}</label>
        <textarea id={ids.body} rows={3} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={problems[bodyField] ? true : undefined} />
        {problems[bodyField] && <p className="field-problem">{problems[bodyField]}</p>}
      </div>
      <TopicSelect value={topic} onChange={setTopic} exclude={[]} blank={t.flows.form.notSet} problem={problems.topics} />
      {mutation.error && !Object.keys(problems).some((p) => ['title', 'key', bodyField].includes(p)) ? <SaveProblem error={mutation.error} fields={[]} onReload={() => undefined} reloading={false} /> : null}
      {mutation.isSuccess && (
        <p role="status" className="saved">
          {t.flows.form.saved}
        </p>
      )}
      <button type="submit" disabled={mutation.isPending || title.trim() === ''}>
        {t.flows.edit.add}
      </button>
    </form>
  );
}

const caseValues = (c: CaseStudyEntry): FormValues => ({
  title: c.title,
  summary: text(c.summary),
  lessons: c.lessons.join('\n'),
  provenance: text(c.provenance),
  source: text(c.source),
});

function CaseStudyForm({ municipalityKey, study }: { municipalityKey: string; study: CaseStudyEntry }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const form = useVersionedForm(caseValues(study), study.version);
  const update = useApiMutation(UpdateCaseStudyDocument, EDITED);
  const load = useLoad(municipalityKey);
  const save = useSave(
    form,
    async (changed, version) => {
      const input: Record<string, unknown> = {};
      for (const name of changed) input[name] = name === 'lessons' ? asLines(form.values[name] ?? '') : asText(form.values[name] ?? '');
      return (await update.mutateAsync({ input: { key: study.key, version, ...input } })).updateCaseStudy.version;
    },
    async () => {
      const fresh = (await load())?.caseStudies.find((c) => c.key === study.key);
      return fresh ? { values: caseValues(fresh), version: fresh.version } : null;
    },
  );
  const f = { form, problems: save.problems };
  return (
    <details className="card edit-record" data-case-study={study.key}>
      <summary>{study.title}</summary>
      <form className="form edit-form" onSubmit={save.submit} noValidate aria-label={study.title}>
        <Field name="title" label={t.flows.edit.title} {...f} />
        <Field name="summary" label={t.flows.edit.summary} kind="textarea" rows={4} {...f} />
        <Field name="lessons" label={t.municipality.lessons} hint={t.flows.edit.lessonsHint} kind="textarea" rows={4} {...f} />
        <Field name="provenance" label={t.flows.edit.provenance} kind="select" options={options.provenance} {...f} />
        <Field name="source" label={t.common.source} {...f} />
        <SaveProblem error={save.error} fields={Object.keys(form.values)} onReload={save.reload} reloading={save.pending} />
        <SaveRow pending={save.pending} done={save.done}>
          <Link href={paths.caseStudy(study.key)}>{t.flows.edit.view}</Link>
        </SaveRow>
      </form>
    </details>
  );
}

function Editor({ m }: { m: Editable }) {
  const { t } = useI18n();
  const { primary } = useNames(m);
  return (
    <div className="profile edit-page">
      <PageTitle title={t.flows.edit.heading(primary)} lead={t.flows.edit.lead}>
        {t.flows.edit.heading(primary)}
      </PageTitle>
      <p>
        <Link href={paths.municipality(m.key)}>{t.flows.edit.back}</Link>
      </p>
      <ProfileForm m={m} />
      <Section id="edit-expertise" title={t.municipality.expertise} intro={t.municipality.expertiseIntro}>
        <ul className="expertise-list">
          {m.expertise.map((e) => (
            <ExpertiseForm key={`${e.topicKey}`} municipalityKey={m.key} entry={e} />
          ))}
        </ul>
        <AddExpertise municipalityKey={m.key} taken={m.expertise.map((e) => e.topicKey)} />
      </Section>
      <Section id="edit-needs" title={t.flows.edit.needs}>
        {m.needs.map((n) => (
          <NeedForm key={n.key} municipalityKey={m.key} need={n} />
        ))}
        <CreateRecord municipalityKey={m.key} kind="need" />
      </Section>
      <Section id="edit-case-studies" title={t.municipality.caseStudies}>
        {m.caseStudies.map((c) => (
          <CaseStudyForm key={c.key} municipalityKey={m.key} study={c} />
        ))}
        <CreateRecord municipalityKey={m.key} kind="caseStudy" />
      </Section>
    </div>
  );
}

/** Editors of a municipality (and coordinators) change its profile, expertise, needs and case studies. */
export default function EditMunicipalityPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { t } = useI18n();
  const { account, status } = useSession();
  const allowed = canActFor(account, key);
  const query = useApiQuery(EditMunicipalityDocument, { key }, { enabled: allowed, staleTime: 0 });
  if (status !== 'restoring' && !allowed) return <SignInFirst />;
  return <QueryState query={query}>{({ municipality: m }) => (m ? <Editor m={m} /> : <NotFound what={t.municipality.what} />)}</QueryState>;
}

/** Shown to someone who may not edit (or act): why, and where to sign in. */
export function SignInFirst() {
  const { t } = useI18n();
  const { account } = useSession();
  return (
    <div className="sign-in-first">
      <PageTitle title={t.flows.signInFirst.title}>{t.flows.signInFirst.title}</PageTitle>
      <p>{account ? t.flows.signInFirst.notAllowed : t.flows.signInFirst.text}</p>
      {!account && (
        <p>
          <Link href={paths.signIn(window.location.pathname)}>{t.nav.signIn}</Link>
        </p>
      )}
    </div>
  );
}
