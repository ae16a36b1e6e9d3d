import '../styles/flows.css';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './QueryState';

/** A form's values: every field as the text in its control. */
export type FormValues = Record<string, string>;

/**
 * The API's field problems by field name: `input.website` → `website`, `input.lessons.2` →
 * `lessons` (the web forms name fields as the inputs do, so the API's words land next to them).
 */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const problems: Record<string, string> = {};
  for (const { path, message } of error.details) {
    const field = path.replace(/^input\./, '').split('.')[0] ?? path;
    problems[field] = problems[field] ? `${problems[field]}; ${message}` : message;
  }
  return problems;
}

/** Whether the API refused a save because the record changed since it was read. */
export const isStaleVersion = (error: unknown): boolean => error instanceof ApiError && error.code === 'CONFLICT' && error.reason !== 'DUPLICATE_KEY';

/** The fields whose text differs from `base` (what the record holds): only these are sent. */
export function changedFields(values: FormValues, base: FormValues): string[] {
  return Object.keys(values).filter((name) => values[name] !== base[name]);
}

/** Text → the API's value: '' is null (cleared); numbers as numbers; lists one per line. */
export const asText = (value: string): string | null => (value.trim() === '' ? null : value.trim());
export const asNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value));
export const asLines = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
export const asList = (value: string): string[] =>
  value
    .split(/[,\s、]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export interface VersionedForm {
  values: FormValues;
  /** The record as last read: what `values` are compared with, and its version. */
  base: { values: FormValues; version: number };
  set(name: string, value: string): void;
  /** After a save: the record now holds what was typed, at `version`. */
  saved(version: number): void;
  /**
   * After a CONFLICT: edit against the record as it is now (its values and version) and keep
   * every typed value; fields where the two differ then show the saved text beside the typed one.
   */
  rebase(values: FormValues, version: number): void;
  /** Set by `rebase`: fields whose saved text differs from what was typed. */
  differs: Set<string>;
}

/** A form over one versioned record (optimistic locking: the version read is sent back). */
export function useVersionedForm(initial: FormValues, version: number): VersionedForm {
  const [values, setValues] = useState(initial);
  const [base, setBase] = useState({ values: initial, version });
  const [reloaded, setReloaded] = useState(false);
  const differs = new Set(reloaded ? changedFields(values, base.values) : []);
  return {
    values,
    base,
    differs,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    saved: (next) => {
      setBase({ values, version: next });
      setReloaded(false);
    },
    rebase: (fresh, next) => {
      setBase({ values: fresh, version: next });
      setReloaded(true);
    },
  };
}

interface FieldProps {
  name: string;
  label: string;
  form: VersionedForm;
  problems: Record<string, string>;
  hint?: string;
  /** The control: gets id, name, value, onChange and the ARIA wiring. */
  kind?: 'text' | 'number' | 'textarea' | 'select' | 'date';
  options?: { value: string; label: string }[];
  rows?: number;
  inputMode?: 'email' | 'url' | 'text';
  lang?: string;
}

/** One labelled control with the API's problem (and, after a reload, the saved text) right beside it. */
export function Field({ name, label, form, problems, hint, kind = 'text', options = [], rows = 3, inputMode, lang }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const problem = problems[name];
  const value = form.values[name] ?? '';
  const described = [hint && `${id}-hint`, problem && `${id}-problem`, form.differs.has(name) && `${id}-saved`].filter(Boolean).join(' ') || undefined;
  const common = { id, name, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described, lang };
  const change = (e: { target: { value: string } }) => form.set(name, e.target.value);
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {kind === 'textarea' ? (
        <textarea {...common} rows={rows} value={value} onChange={change} />
      ) : kind === 'select' ? (
        <select {...common} value={value} onChange={change}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'} inputMode={inputMode} value={value} onChange={change} />
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
      {form.differs.has(name) && (
        <p id={`${id}-saved`} className="field-saved">
          {t.flows.form.savedNow}: <span className="saved-text">{form.base.values[name] || t.flows.form.emptyValue}</span>
        </p>
      )}
    </div>
  );
}

/**
 * What went wrong with a save, above the buttons: a CONFLICT explained, with a way to load the
 * record as it is now while keeping what was typed; otherwise the API's error, and any field
 * problem the form has no control for.
 */
export function SaveProblem({ error, fields, onReload, reloading }: { error: unknown; fields: string[]; onReload: () => void; reloading: boolean }) {
  const { t } = useI18n();
  if (!error) return null;
  if (isStaleVersion(error)) {
    return (
      <div className="notice notice-error conflict" role="alert">
        <p>
          <strong>{t.flows.form.conflictTitle}</strong>
        </p>
        <p>{t.flows.form.conflictText}</p>
        <button type="button" onClick={onReload} disabled={reloading}>
          {t.flows.form.reloadKeep}
        </button>
      </div>
    );
  }
  const problems = fieldProblems(error);
  const elsewhere = Object.entries(problems).filter(([name]) => !fields.includes(name));
  if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && Object.keys(problems).length > 0) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t.flows.form.fixFields}</p>
        {elsewhere.length > 0 && (
          <ul>
            {elsewhere.map(([name, message]) => (
              <li key={name}>
                {name}: {message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return <ErrorNotice error={error} />;
}

/**
 * Save for a versioned record: sends the changed fields with the version read; on a CONFLICT,
 * `reload` fetches the record as it is now and rebases the form on it (typed text kept).
 */
export function useSave(form: VersionedForm, save: (changed: string[], version: number) => Promise<number>, load: () => Promise<{ values: FormValues; version: number } | null>) {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(false);
    try {
      form.saved(await save(changedFields(form.values, form.base.values), form.base.version));
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const reload = async () => {
    setPending(true);
    try {
      const fresh = await load();
      if (fresh) form.rebase(fresh.values, fresh.version);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return { error, pending, done, problems: fieldProblems(error), submit: (e: FormEvent) => void submit(e), reload: () => void reload() };
}

/** The buttons and the outcome line at the end of an edit form. */
export function SaveRow({ pending, done, children }: { pending: boolean; done: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" disabled={pending}>
        {pending ? t.flows.form.saving : t.flows.form.save}
      </button>
      {children}
      {done && (
        <span role="status" className="saved">
          {t.flows.form.saved}
        </span>
      )}
    </div>
  );
}
