import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { announce } from '../components/Announcer';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { AccountFields } from '../components/AccountFields';
import { DraftRestored, FormError, TextField } from '../components/Field';
import { formErrors, NO_ERRORS } from '../components/formErrors';
import { Empty, ErrorState, errorMessage, Loading } from '../components/QueryState';
import { NEW, useDraft, useReopenDraft } from '../components/useDraft';
import { useTitle } from '../hooks';
import { isSuperAdmin, useMe } from '../queries';
import type { Admin, AdminInput, CreatedAdmin, Me, PasswordInput, ProfileInput } from '../model';

export function AdminPage() {
  const { t } = useTranslation();
  useTitle(t('nav.admin'));
  const me = useMe();
  if (!me.data) return <Loading />;
  return (
    <div className="page">
      <h2>{t('admin.title')}</h2>
      <div className="columns">
        <ProfileForm me={me.data} />
        <PasswordForm />
      </div>
      <AdminsSection me={me.data} />
    </div>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // What is typed survives a sign-in round trip when the session ends meanwhile.
  const draft = useDraft('profile', me.id, {
    firstName: me.firstName ?? '',
    lastName: me.lastName ?? '',
    email: me.email ?? '',
  });
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const save = useMutation({
    mutationFn: () =>
      send<Me>('PUT', '/api/me', {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
      } satisfies ProfileInput),
    onSuccess: (updated) => {
      draft.clear();
      if (updated) queryClient.setQueryData(['me'], updated);
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      // The administrators table lists this account too: it shows the new name without a reload.
      void queryClient.invalidateQueries({ queryKey: ['admins'] });
      announce(t('admin.profileSaved'));
    },
    onError: (error) => setErrors(formErrors(error, ['firstName', 'lastName', 'email'], t, 'email')),
  });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    save.mutate();
  };
  return (
    <section className="panel">
      <h3 id="profile-title">{t('admin.profile')}</h3>
      <p className="muted small">{t('admin.username', { username: me.username })}</p>
      <form onSubmit={submit} noValidate data-testid="profile-form">
        <DraftRestored show={draft.restored} />
        <FormError message={errors.general} />
        <TextField
          label={t('members.firstName')}
          name="firstName"
          value={values.firstName}
          onChange={set('firstName')}
          error={errors.fields.firstName}
          autoComplete="given-name"
        />
        <TextField
          label={t('members.lastName')}
          name="lastName"
          value={values.lastName}
          onChange={set('lastName')}
          error={errors.fields.lastName}
          autoComplete="family-name"
        />
        <TextField
          label={t('members.email')}
          name="email"
          type="email"
          value={values.email}
          onChange={set('email')}
          error={errors.fields.email}
          autoComplete="email"
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending} data-testid="profile-save">
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const empty = { currentPassword: '', newPassword: '', confirm: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState(NO_ERRORS);
  const save = useMutation({
    mutationFn: () =>
      send<void>('PUT', '/api/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      } satisfies PasswordInput),
    onSuccess: () => {
      setValues(empty);
      announce(t('admin.passwordChanged'));
    },
    onError: (error) => setErrors(formErrors(error, ['currentPassword', 'newPassword'], t)),
  });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.newPassword !== values.confirm) {
      setErrors({ fields: { confirm: t('admin.passwordMismatch') }, general: null });
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate();
  };
  return (
    <section className="panel">
      <h3 id="password-title">{t('admin.password')}</h3>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <FormError message={errors.general} />
        <TextField
          label={t('admin.currentPassword')}
          name="currentPassword"
          type="password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.fields.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          label={t('admin.newPassword')}
          name="newPassword"
          type="password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.fields.newPassword}
          autoComplete="new-password"
        />
        <TextField
          label={t('admin.confirmPassword')}
          name="confirm"
          type="password"
          value={values.confirm}
          onChange={set('confirm')}
          error={errors.fields.confirm}
          autoComplete="new-password"
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending} data-testid="password-save">
            {save.isPending ? t('common.saving') : t('admin.changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AdminsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const superAdmin = isSuperAdmin(me);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Admin | null>(null);
  // Back from a sign-in with an administrator being typed: the dialog opens again (passwords are not kept).
  useReopenDraft<Admin>('admin', [], (record) => setCreating(record === NEW && superAdmin));
  const admins = useQuery({
    queryKey: ['admins'],
    queryFn: () => api<Admin[]>('/api/admins'),
  });
  const remove = useMutation({
    mutationFn: (a: Admin) => send<void>('DELETE', `/api/admins/${encodeURIComponent(a.id)}`),
    onSuccess: (_, a) => {
      void queryClient.invalidateQueries({ queryKey: ['admins'] });
      announce(t('admin.deleted', { username: a.username }));
      setDeleting(null);
    },
  });
  const change = useMutation({
    mutationFn: ({ admin, what, value }: { admin: Admin; what: 'enabled' | 'super-admin'; value: boolean }) =>
      send<Admin>(
        'PUT',
        `/api/admins/${encodeURIComponent(admin.id)}/${what}`,
        what === 'enabled' ? { enabled: value } : { superAdmin: value },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admins'] });
      announce(t('admin.changed'));
    },
  });
  const list = admins.data ?? [];
  // The column names, on the header cells and on each cell (a phone shows every row as a card: styles.css).
  const column = {
    username: t('admin.usernameHeader'),
    name: t('members.name'),
    email: t('members.email'),
    role: t('admin.role'),
  };

  return (
    <section className="panel" data-testid="admins-section">
      <div className="section-head">
        <h3 id="admins-title">{t('admin.admins')}</h3>
        {superAdmin && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="admin-new">
            {t('admin.new')}
          </button>
        )}
      </div>
      {!superAdmin && <p className="muted small">{t('admin.onlySuper')}</p>}
      {change.isError && <ErrorState error={change.error} compact />}
      {admins.isPending && <Loading />}
      {admins.isError && <ErrorState error={admins.error} onRetry={() => void admins.refetch()} />}
      {admins.isSuccess && list.length === 0 && <Empty>{t('admin.empty')}</Empty>}
      {list.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="admins-title">
          <table className="data" data-testid="admins-table">
            <thead>
              <tr>
                <th scope="col">{column.username}</th>
                <th scope="col">{column.name}</th>
                <th scope="col">{column.email}</th>
                <th scope="col">{column.role}</th>
                {superAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id} data-testid="admin-row" data-username={a.username}>
                  <td data-label={column.username}>{a.username}</td>
                  <td data-label={column.name}>{[a.firstName, a.lastName].filter(Boolean).join(' ')}</td>
                  <td data-label={column.email}>{a.email}</td>
                  <td data-label={column.role}>
                    {a.superAdmin ? t('admin.superAdmin') : t('admin.admin')}
                    {a.enabled === false && <span className="muted"> · {t('admin.disabled')}</span>}
                  </td>
                  {superAdmin && (
                    <td className="row-actions">
                      {a.id !== me.id && a.username !== me.username && (
                        <>
                          <button
                            type="button"
                            disabled={change.isPending}
                            data-testid="admin-toggle-super"
                            onClick={() => change.mutate({ admin: a, what: 'super-admin', value: !a.superAdmin })}
                            aria-label={t(a.superAdmin ? 'admin.revokeSuperNamed' : 'admin.grantSuperNamed', {
                              username: a.username,
                            })}
                          >
                            {a.superAdmin ? t('admin.revokeSuper') : t('admin.grantSuper')}
                          </button>
                          <button
                            type="button"
                            disabled={change.isPending}
                            data-testid="admin-toggle-enabled"
                            onClick={() => change.mutate({ admin: a, what: 'enabled', value: a.enabled === false })}
                            aria-label={t(a.enabled === false ? 'admin.enableNamed' : 'admin.disableNamed', {
                              username: a.username,
                            })}
                          >
                            {a.enabled === false ? t('admin.enable') : t('admin.disable')}
                          </button>
                          <button
                            type="button"
                            className="danger-text"
                            onClick={() => setDeleting(a)}
                            data-testid="admin-delete"
                            aria-label={t('admin.deleteNamed', { username: a.username })}
                          >
                            {t('common.delete')}
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <AdminDialog onClose={() => setCreating(false)} />}
      {deleting && (
        <ConfirmDialog
          title={t('admin.deleteTitle', { username: deleting.username })}
          confirmLabel={t('common.delete')}
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error, t) : null}
          testId="delete-admin-dialog"
        >
          <p>{t('admin.deleteConfirm', { username: deleting.username })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

const ADMIN_FIELDS = ['username', 'firstName', 'lastName', 'email', 'password'] as const;
type AdminForm = Record<(typeof ADMIN_FIELDS)[number], string> & { superAdmin: boolean };

function AdminDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The draft leaves the initial password out (useDraft never stores a password field).
  const draft = useDraft<AdminForm>('admin', undefined, {
    username: '',
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    superAdmin: false,
  });
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const [created, setCreated] = useState<CreatedAdmin | null>(null);
  const close = () => {
    draft.clear();
    onClose();
  };
  const save = useMutation({
    mutationFn: () =>
      send<CreatedAdmin>('POST', '/api/admins', {
        ...values,
        username: values.username.trim(),
        email: values.email.trim(),
      } satisfies AdminInput),
    onSuccess: (admin) => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['admins'] });
      announce(t('admin.created', { username: admin?.username ?? values.username.trim() }));
      // A generated temporary password is given this once: show it before closing.
      if (admin?.temporaryPassword) setCreated(admin);
      else close();
    },
    onError: (error) => setErrors(formErrors(error, [...ADMIN_FIELDS], t, 'username')),
  });
  const set = (key: Exclude<keyof typeof values, 'superAdmin'>) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    save.mutate();
  };
  if (created) {
    return (
      <Dialog title={t('admin.createdTitle', { username: created.username })} onClose={close} testId="admin-dialog">
        <p>{t('admin.temporaryPasswordIntro')}</p>
        <p className="secret">
          <code data-testid="admin-temporary-password">{created.temporaryPassword}</code>
        </p>
        <p className="muted small">{t('admin.temporaryPasswordOnce')}</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={close} data-autofocus>
            {t('common.done')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('admin.newTitle')} onClose={close} testId="admin-dialog">
      <form onSubmit={submit} noValidate>
        <DraftRestored show={draft.restored} />
        <FormError message={errors.general} />
        <div className="form-grid">
          <AccountFields values={values} errors={errors.fields} onChange={set} autoFocus />
          <div className="field checkbox">
            <input
              id="admin-super"
              type="checkbox"
              checked={values.superAdmin}
              onChange={(e) => setValues((v) => ({ ...v, superAdmin: e.target.checked }))}
              data-testid="admin-super"
            />
            <label htmlFor="admin-super">{t('admin.makeSuper')}</label>
          </div>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending} data-testid="admin-save">
            {save.isPending ? t('common.saving') : t('admin.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
