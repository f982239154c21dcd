import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { send } from '../api';
import { parseAmount, today } from '../format';
import { useCategories } from '../queries';
import { Transaction, TransactionInput, TRANSACTION_TYPES } from '../model';
import { announce } from './Announcer';
import { Dialog } from './Dialog';
import { DraftRestored, FormError, SelectField, TextAreaField, TextField } from './Field';
import { formErrors, NO_ERRORS } from './formErrors';
import { useDraft } from './useDraft';

const FIELDS = ['type', 'amount', 'categoryId', 'date', 'description', 'userId'];

interface TransactionDialogProps {
  userId: string;
  transaction?: Transaction;
  onClose: () => void;
}

/** Adds or edits a member's transaction; the API's field errors show under their fields. */
export function TransactionDialog({ userId, transaction, onClose }: TransactionDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const categories = useCategories();
  // What is typed survives a sign-in round trip when the session ends meanwhile.
  const draft = useDraft(
    'transaction',
    transaction?.id,
    {
      type: transaction?.type ?? 'RECEIVABLE',
      amount: transaction ? String(transaction.amount) : '',
      categoryId: transaction?.categoryId ?? '',
      date: transaction?.date ?? today(),
      description: transaction?.description ?? '',
    },
    { version: transaction?.version },
  );
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const close = () => {
    draft.clear();
    onClose();
  };

  const save = useMutation({
    mutationFn: (body: TransactionInput) =>
      transaction
        ? send<Transaction>('PUT', `/api/transactions/${encodeURIComponent(transaction.id)}`, {
            ...body,
            version: draft.version,
          })
        : send<Transaction>('POST', '/api/transactions', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['transactions'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['user', userId] });
      // The balance follows from the transaction's event a moment later.
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['user', userId] }), 1500);
      announce(transaction ? t('transactions.saved') : t('transactions.created'));
      close();
    },
    onError: (error) => setErrors(formErrors(error, FIELDS, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseAmount(values.amount);
    if (amount === null) {
      setErrors({ fields: { amount: t('transactions.amountFormat') }, general: null });
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate({
      userId,
      type: values.type,
      amount,
      // Left out when none is chosen: the transaction has no category (an update clears it).
      categoryId: values.categoryId || undefined,
      date: values.date,
      description: values.description.trim(),
    });
  };

  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  return (
    <Dialog
      title={transaction ? t('transactions.editTitle') : t('transactions.newTitle')}
      onClose={close}
      testId="transaction-dialog"
    >
      <form onSubmit={submit} noValidate>
        <DraftRestored show={draft.restored} />
        <FormError message={errors.general} />
        <div className="form-grid">
          <SelectField
            label={t('transactions.type')}
            name="type"
            value={values.type}
            onChange={set('type')}
            error={errors.fields.type}
            hint={t(`typeHints.${values.type}`)}
            data-autofocus
          >
            {TRANSACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('transactions.amount')}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={values.amount}
            onChange={set('amount')}
            error={errors.fields.amount}
            hint={t('transactions.amountHint')}
            required
          />
          <SelectField
            label={t('transactions.category')}
            name="categoryId"
            value={values.categoryId}
            onChange={set('categoryId')}
            error={errors.fields.categoryId}
            hint={categories.isError ? t('categories.unavailable') : undefined}
          >
            <option value="">{t('transactions.noCategory')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('transactions.date')}
            name="date"
            type="date"
            value={values.date}
            onChange={set('date')}
            error={errors.fields.date}
            required
          />
          <TextAreaField
            label={`${t('transactions.description')} ${t('common.optional')}`}
            name="description"
            rows={2}
            value={values.description}
            onChange={set('description')}
            error={errors.fields.description}
          />
        </div>
        {errors.fields.userId && <FormError message={errors.fields.userId} />}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending} data-testid="transaction-save">
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
