import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, send } from '../api';
import { announce } from '../components/Announcer';
import { CategoryBadge, safeColor } from '../components/CategoryBadge';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { DraftRestored, FormError, TextField } from '../components/Field';
import { formErrors, NO_ERRORS } from '../components/formErrors';
import { Empty, ErrorState, errorMessage, Loading } from '../components/QueryState';
import { useDraft, useReopenDraft } from '../components/useDraft';
import { useTitle } from '../hooks';
import { useCategories } from '../queries';
import type { Category, CategoryInput } from '../model';

export const DEFAULT_COLOR = '#2563eb';

export function CategoriesPage() {
  const { t } = useTranslation();
  useTitle(t('nav.categories'));
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  // Back from a sign-in with a category being typed: its dialog opens again.
  useReopenDraft('category', categories.data, setEditing);

  const remove = useMutation({
    mutationFn: (c: Category) => send<void>('DELETE', `/api/categories/${encodeURIComponent(c.id)}`),
    onSuccess: (_, c) => {
      void queryClient.invalidateQueries({ queryKey: ['categories'] });
      announce(t('categories.deleted', { name: c.name }));
      setDeleting(null);
    },
  });

  const list = categories.data ?? [];

  return (
    <div className="page">
      <div className="page-head">
        <h2>{t('categories.title')}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="category-new">
          {t('categories.new')}
        </button>
      </div>
      <p className="muted">{t('categories.intro')}</p>

      {categories.isPending && <Loading />}
      {categories.isError && <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />}
      {categories.isSuccess && list.length === 0 && <Empty>{t('categories.empty')}</Empty>}
      {list.length > 0 && (
        <ul className="category-list" data-testid="categories-list">
          {list.map((c) => (
            <li key={c.id} data-testid="category-row" data-category-id={c.id}>
              <CategoryBadge name={c.name} color={c.color} />
              <code className="muted small">{safeColor(c.color)}</code>
              <span className="row-actions">
                <button
                  type="button"
                  onClick={() => setEditing(c)}
                  data-testid="category-edit"
                  aria-label={t('categories.editNamed', { name: c.name })}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="danger-text"
                  onClick={() => setDeleting(c)}
                  data-testid="category-delete"
                  aria-label={t('categories.deleteNamed', { name: c.name })}
                >
                  {t('common.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      {editing && (
        <CategoryDialog category={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('categories.deleteTitle', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          busy={remove.isPending}
          error={
            remove.isError
              ? remove.error instanceof ApiError && remove.error.status === 409
                ? remove.error.detail || t('categories.inUse')
                : errorMessage(remove.error, t)
              : null
          }
          testId="delete-category-dialog"
        >
          {/* Whether transactions still use it is the server's to say: nothing is promised before it answers. */}
          <p>{t('categories.deleteRule')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function CategoryDialog({ category, onClose }: { category?: Category; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useDraft(
    'category',
    category?.id,
    { name: category?.name ?? '', color: safeColor(category?.color ?? DEFAULT_COLOR) },
    { version: category?.version },
  );
  const { name, color } = draft.values;
  const set = (key: 'name' | 'color') => (e: { target: { value: string } }) =>
    draft.setValues((v) => ({ ...v, [key]: e.target.value }));
  const [errors, setErrors] = useState(NO_ERRORS);
  const close = () => {
    draft.clear();
    onClose();
  };

  const save = useMutation({
    mutationFn: (body: CategoryInput) =>
      category
        ? send<Category>('PUT', `/api/categories/${encodeURIComponent(category.id)}`, {
            ...body,
            version: draft.version,
          })
        : send<Category>('POST', '/api/categories', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['categories'] });
      void queryClient.invalidateQueries({ queryKey: ['transactions'] });
      announce(category ? t('categories.saved') : t('categories.created'));
      close();
    },
    onError: (error) => setErrors(formErrors(error, ['name', 'color'], t, 'name')),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    save.mutate({ name: name.trim(), color });
  };

  return (
    <Dialog
      title={category ? t('categories.editTitle') : t('categories.newTitle')}
      onClose={close}
      testId="category-dialog"
    >
      <form onSubmit={submit} noValidate>
        <DraftRestored show={draft.restored} />
        <FormError message={errors.general} />
        <div className="form-grid">
          <TextField
            label={t('categories.name')}
            name="name"
            value={name}
            onChange={set('name')}
            error={errors.fields.name}
            required
            data-autofocus
            autoComplete="off"
          />
          <TextField
            label={t('categories.color')}
            name="color"
            type="color"
            value={color}
            onChange={set('color')}
            error={errors.fields.color}
            className="color-input"
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending} data-testid="category-save">
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
