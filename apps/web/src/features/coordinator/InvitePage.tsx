import { useId, useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/hooks';
import { InviteEditorDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { fieldProblems, SaveProblem } from '../../ui/forms';
import { CoordinatorFrame } from './CoordinatorOnly';

/** Coordinators invite someone by email to edit one municipality; the token is shown once, to pass on. */
export default function InvitePage() {
  const { t, fmt } = useI18n();
  const invite = useApiMutation(InviteEditorDocument, ['AuditLog']);
  const [email, setEmail] = useState('');
  const [municipalityKey, setMunicipalityKey] = useState('');
  const ids = { email: useId(), key: useId() };
  // The API names `input.email` / `input.municipalityKey`, or `key` when no such municipality exists.
  const problems = fieldProblems(invite.error);
  const keyProblem = problems.municipalityKey ?? problems.key;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ input: { email: email.trim(), municipalityKey: municipalityKey.trim() } });
  };
  return (
    <CoordinatorFrame title={t.flows.invite.title} lead={t.flows.invite.lead}>
      <form className="form narrow" onSubmit={submit} noValidate>
        <div className={problems.email ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.email}>{t.signIn.email}</label>
          <input id={ids.email} inputMode="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={problems.email ? true : undefined} aria-describedby={problems.email ? `${ids.email}-p` : undefined} />
          {problems.email && (
            <p id={`${ids.email}-p`} className="field-problem">
              {problems.email}
            </p>
          )}
        </div>
        <div className={keyProblem ? 'field field-invalid' : 'field'}>
          <label htmlFor={ids.key}>{t.flows.invite.municipality}</label>
          <p className="field-hint">{t.flows.invite.municipalityHint}</p>
          <input id={ids.key} value={municipalityKey} onChange={(e) => setMunicipalityKey(e.target.value)} aria-invalid={keyProblem ? true : undefined} aria-describedby={keyProblem ? `${ids.key}-p` : undefined} />
          {keyProblem && (
            <p id={`${ids.key}-p`} className="field-problem">
              {keyProblem}
            </p>
          )}
        </div>
        <SaveProblem error={invite.error} fields={['email', 'municipalityKey', 'key']} onReload={() => undefined} reloading={false} />
        <button type="submit" disabled={invite.isPending}>
          {t.flows.invite.submit}
        </button>
      </form>
      {invite.data && (
        <div className="notice invitation" role="status">
          <p>{t.flows.invite.done(invite.data.inviteEditor.email, invite.data.inviteEditor.municipalityKey, fmt.date(invite.data.inviteEditor.expiresAt))}</p>
          <p>
            <span className="list-label">{t.flows.invite.token}:</span> <code className="token">{invite.data.inviteEditor.token}</code>
          </p>
        </div>
      )}
    </CoordinatorFrame>
  );
}
