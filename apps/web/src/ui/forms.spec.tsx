import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { changedFields, Field, fieldProblems, SaveProblem, SaveRow, useSave, useVersionedForm, type FormValues } from './forms';

afterEach(cleanup);

describe('fieldProblems', () => {
  it('names each problem by the form field the API path points at, joining several on one field', () => {
    const error = new ApiError('Invalid input', 'BAD_USER_INPUT', [
      { path: 'input.website', message: 'website must be a URL address' },
      { path: 'input.lessons.2', message: 'must be shorter' },
      { path: 'input.lessons.3', message: 'must not be blank' },
      { path: 'key', message: 'no municipality with key "x"' },
    ]);
    expect(fieldProblems(error)).toEqual({ website: 'website must be a URL address', lessons: 'must be shorter; must not be blank', key: 'no municipality with key "x"' });
    expect(fieldProblems(new Error('plain'))).toEqual({});
  });

  it('changedFields lists only what differs from the record', () => {
    expect(changedFields({ a: '1', b: 'x', c: '' }, { a: '1', b: 'y', c: '' })).toEqual(['b']);
  });
});

/** A one-field form over a record the "server" holds; the server answers like the API. */
function Harness({ server }: { server: { values: FormValues; version: number } }) {
  const form = useVersionedForm({ evidence: server.values.evidence! }, server.version);
  const save = useSave(
    form,
    async (changed, version) => {
      if (version !== server.version) throw new ApiError('changed by someone else', 'CONFLICT', [], 'STALE_VERSION');
      if (form.values.evidence === 'bad') throw new ApiError('Invalid input', 'BAD_USER_INPUT', [{ path: 'input.evidence', message: 'must not be bad' }]);
      for (const name of changed) server.values[name] = form.values[name]!;
      return ++server.version;
    },
    async () => ({ values: { ...server.values }, version: server.version }),
  );
  return (
    <form onSubmit={save.submit}>
      <Field name="evidence" label="Evidence" form={form} problems={save.problems} kind="textarea" />
      <SaveProblem error={save.error} fields={['evidence']} onReload={save.reload} reloading={save.pending} />
      <SaveRow pending={save.pending} done={save.done} />
    </form>
  );
}

describe('a versioned edit form', () => {
  it('shows the API’s problem next to its field, wired to the control', async () => {
    const server = { values: { evidence: 'old' }, version: 1 };
    render(
      <I18nProvider initial="en">
        <Harness server={server} />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Evidence'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const field = screen.getByLabelText('Evidence');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const problem = document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(problem?.textContent).toBe('must not be bad');
    expect(server.values.evidence).toBe('old');
  });

  it('after a CONFLICT, loading the current version keeps the typed text, shows the saved one, and the next save wins', async () => {
    const server = { values: { evidence: 'old' }, version: 1 };
    render(
      <I18nProvider initial="en">
        <Harness server={server} />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Evidence'), { target: { value: 'mine' } });
    // Someone else saves first.
    server.values.evidence = 'theirs';
    server.version = 2;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Someone else changed this record while you were editing it.');
    fireEvent.click(screen.getByRole('button', { name: 'Load the current version (keep my text)' }));
    await screen.findByText('theirs');
    expect((screen.getByLabelText('Evidence') as HTMLTextAreaElement).value).toBe('mine');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(server).toEqual({ values: { evidence: 'mine' }, version: 3 });
    expect(screen.queryByText('theirs')).toBeNull();
  });
});
