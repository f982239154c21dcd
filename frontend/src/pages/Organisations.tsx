import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { send } from '../api';
import { announce } from '../components/Announcer';
import { Dialog } from '../components/Dialog';
import { AccountFields } from '../components/AccountFields';
import { DraftRestored, FormError, TextField } from '../components/Field';
import { formErrors, NO_ERRORS } from '../components/formErrors';
import { Empty, ErrorState, Loading } from '../components/QueryState';
import { useDraft } from '../components/useDraft';
import { useTitle } from '../hooks';
import type { CreatedEntity, EntityInput } from '../model';
import { ENTITIES_KEY, isPlatformAdmin, useEntities, useMe } from '../queries';

/** The operator's page (realm role platform-admin): the organisations of this deployment it belongs to, and a new one. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  useTitle(t('nav.organisations'));
  const me = useMe();
  if (!me.data) return <Loading />;
  return (
    <div className="page">
      <h2>{t('organisations.title')}</h2>
      {isPlatformAdmin(me.data) ? (
        <>
          <EntityList />
          <NewEntityForm />
        </>
      ) : (
        <p className="notice" data-testid="organisations-forbidden">
          {t('organisations.onlyPlatform')}
        </p>
      )}
    </div>
  );
}

function EntityList() {
  const { t } = useTranslation();
  const entities = useEntities();
  const list = entities.data ?? [];
  // The column names, on the header cells and on each cell (a phone shows every row as a card: styles.css).
  const column = {
    name: t('organisations.name'),
    slug: t('organisations.slug'),
    currency: t('organisations.currency'),
    role: t('organisations.role'),
  };
  return (
    <section className="panel" data-testid="entities-section">
      <h3 id="entities-title">{t('organisations.yours')}</h3>
      {entities.isPending && <Loading />}
      {entities.isError && <ErrorState error={entities.error} onRetry={() => void entities.refetch()} />}
      {entities.isSuccess && list.length === 0 && <Empty>{t('organisations.empty')}</Empty>}
      {list.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="entities-title">
          <table className="data" data-testid="entities-table">
            <thead>
              <tr>
                <th scope="col">{column.name}</th>
                <th scope="col">{column.slug}</th>
                <th scope="col">{column.currency}</th>
                <th scope="col">{column.role}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id} data-testid="entity-row" data-slug={e.slug}>
                  <td data-label={column.name}>{e.name}</td>
                  <td data-label={column.slug}>{e.slug}</td>
                  <td data-label={column.currency}>{e.currency}</td>
                  <td data-label={column.role}>{t(`roles.${e.role}`, { defaultValue: e.role })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const FIELDS = ['name', 'slug', 'currency', 'username', 'email', 'firstName', 'lastName', 'password'] as const;
type EntityForm = Record<(typeof FIELDS)[number], string>;
const EMPTY: EntityForm = {
  name: '',
  slug: '',
  currency: '',
  username: '',
  email: '',
  firstName: '',
  lastName: '',
  password: '',
};

/** A slug proposed from the name: "Unité Saint-Jean" → "unite-saint-jean". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

function NewEntityForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // What is typed survives a sign-in round trip (the password excepted: useDraft never stores it).
  const draft = useDraft<EntityForm>('entity', undefined, EMPTY);
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const [created, setCreated] = useState<CreatedEntity | null>(null);
  const save = useMutation({
    mutationFn: () =>
      send<CreatedEntity>('POST', '/api/entities', {
        name: values.name.trim(),
        slug: values.slug.trim(),
        currency: values.currency.trim() || undefined,
        firstAdmin: {
          username: values.username.trim(),
          email: values.email.trim(),
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          password: values.password || undefined,
        },
      } satisfies EntityInput),
    onSuccess: (entity) => {
      draft.clear();
      setValues(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ENTITIES_KEY });
      announce(t('organisations.created', { name: entity.name }));
      setCreated(entity);
    },
    // A 409 is the slug already taken by another organisation.
    onError: (error) => setErrors(formErrors(error, [...FIELDS], t, 'slug')),
  });
  const set = (key: keyof EntityForm) => (e: { target: { value: string } }) =>
    setValues((v) => {
      const next = { ...v, [key]: e.target.value };
      // The slug follows the name until it is typed in itself.
      if (key === 'name' && v.slug === slugOf(v.name)) next.slug = slugOf(e.target.value);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    save.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-entity-title">
      <h3 id="new-entity-title">{t('organisations.new')}</h3>
      <form onSubmit={submit} noValidate data-testid="entity-form">
        <DraftRestored show={draft.restored} />
        <FormError message={errors.general} />
        <div className="form-grid">
          <TextField
            label={t('organisations.name')}
            name="name"
            value={values.name}
            onChange={set('name')}
            error={errors.fields.name}
            autoComplete="organization"
            required
          />
          <TextField
            label={t('organisations.slug')}
            name="slug"
            value={values.slug}
            onChange={set('slug')}
            error={errors.fields.slug}
            hint={t('organisations.slugHint')}
            autoComplete="off"
            required
          />
          <TextField
            label={`${t('organisations.currency')} ${t('common.optional')}`}
            name="currency"
            value={values.currency}
            onChange={set('currency')}
            error={errors.fields.currency}
            hint={t('organisations.currencyHint')}
            autoComplete="off"
            maxLength={3}
          />
        </div>
        <fieldset className="form-grid">
          <legend>{t('organisations.firstAdmin')}</legend>
          <p className="muted small">{t('organisations.firstAdminHint')}</p>
          <AccountFields values={values} errors={errors.fields} onChange={set} namesRequired />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending} data-testid="entity-save">
            {save.isPending ? t('common.saving') : t('organisations.create')}
          </button>
        </div>
      </form>
      {created && <CreatedDialog entity={created} onClose={() => setCreated(null)} />}
    </section>
  );
}

/** The new organisation, and its first admin's temporary password, shown this once. */
function CreatedDialog({ entity, onClose }: { entity: CreatedEntity; onClose: () => void }) {
  const { t } = useTranslation();
  const { username, temporaryPassword } = entity.firstAdmin;
  return (
    <Dialog title={t('organisations.createdTitle', { name: entity.name })} onClose={onClose} testId="entity-created">
      {temporaryPassword ? (
        <>
          <p>{t('organisations.temporaryPasswordIntro', { username })}</p>
          <p className="secret">
            <code data-testid="entity-temporary-password">{temporaryPassword}</code>
          </p>
          <p className="muted small">{t('admin.temporaryPasswordOnce')}</p>
        </>
      ) : (
        <p>{t('organisations.createdAdmin', { username })}</p>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          {t('common.done')}
        </button>
      </div>
    </Dialog>
  );
}
