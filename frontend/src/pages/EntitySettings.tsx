import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { announce } from '../components/Announcer';
import { DraftRestored, FormError, SelectField, TextAreaField, TextField } from '../components/Field';
import { formErrors, NO_ERRORS } from '../components/formErrors';
import { ErrorState, Loading } from '../components/QueryState';
import { useDraft } from '../components/useDraft';
import { useCurrentEntity } from '../entity';
import { useTitle } from '../hooks';
import { ENTITY_LANGUAGES, type EntitySettings, type Language } from '../model';
import { ENTITIES_KEY, isSuperAdmin, useEntities, useMe } from '../queries';

/** Each language named in itself, as in the language switch. */
const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };

function settingsPath(entityId: string): string {
  return `/api/entities/${encodeURIComponent(entityId)}/settings`;
}

/** The current entity's settings, for its super-admins (the service refuses anyone else). */
export function EntitySettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const entityId = useCurrentEntity();
  const entity = useEntities().data?.find((e) => e.id === entityId);
  useTitle(t('nav.settings'));
  if (!me.data || !entityId) return <Loading />;
  return (
    <div className="page">
      <h2>{t('settings.title', { name: entity?.name ?? '' })}</h2>
      {isSuperAdmin(me.data) ? (
        <Settings entityId={entityId} />
      ) : (
        <p className="notice" data-testid="settings-forbidden">
          {t('settings.onlySuper')}
        </p>
      )}
    </div>
  );
}

function Settings({ entityId }: { entityId: string }) {
  const settings = useQuery({
    queryKey: ['entity-settings', entityId],
    queryFn: () => api<EntitySettings>(settingsPath(entityId)),
  });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm entityId={entityId} saved={settings.data} />;
}

const TEXT_FIELDS = ['name', 'currency', 'iban', 'bic', 'beneficiary', 'address'] as const;
type SettingsValues = Record<(typeof TEXT_FIELDS)[number], string> & {
  defaultLanguage: Language;
  receiptEmails: boolean;
};

function valuesOf(settings: EntitySettings): SettingsValues {
  return {
    name: settings.name,
    currency: settings.currency,
    iban: settings.iban ?? '',
    bic: settings.bic ?? '',
    beneficiary: settings.beneficiary ?? '',
    address: settings.address ?? '',
    defaultLanguage: settings.defaultLanguage ?? 'fr',
    receiptEmails: settings.receiptEmails ?? false,
  };
}

/** An optional text: empty is none. */
function optional(value: string): string | null {
  return value.trim() || null;
}

function SettingsForm({ entityId, saved }: { entityId: string; saved: EntitySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useDraft<SettingsValues>('entity-settings', entityId, valuesOf(saved));
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const save = useMutation({
    mutationFn: () =>
      send<EntitySettings>('PUT', settingsPath(entityId), {
        name: values.name.trim(),
        currency: values.currency.trim(),
        // Spaces are how an IBAN is written on paper; the service checks the digits.
        iban: optional(values.iban.replace(/\s+/g, '')),
        bic: optional(values.bic),
        beneficiary: optional(values.beneficiary),
        address: optional(values.address),
        defaultLanguage: values.defaultLanguage,
        receiptEmails: values.receiptEmails,
        // Someone else's save meanwhile is a 409, not lost under this one.
        version: saved.version,
      } satisfies EntitySettings),
    onSuccess: (updated) => {
      draft.clear();
      queryClient.setQueryData(['entity-settings', entityId], updated);
      // The name and currency show in the top bar and the organisations list.
      void queryClient.invalidateQueries({ queryKey: ENTITIES_KEY });
      announce(t('settings.saved'));
    },
    onError: (error) => setErrors(formErrors(error, [...TEXT_FIELDS, 'defaultLanguage'], t)),
  });
  const set = (key: (typeof TEXT_FIELDS)[number]) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <DraftRestored show={draft.restored} />
      <FormError message={errors.general} />
      <div className="columns">
        <section className="panel" aria-labelledby="settings-general">
          <h3 id="settings-general">{t('settings.general')}</h3>
          <TextField
            label={t('settings.name')}
            name="name"
            value={values.name}
            onChange={set('name')}
            error={errors.fields.name}
            autoComplete="organization"
            required
          />
          <TextField
            label={t('settings.currency')}
            name="currency"
            value={values.currency}
            onChange={set('currency')}
            error={errors.fields.currency}
            autoComplete="off"
            maxLength={3}
            required
          />
          <SelectField
            label={t('settings.defaultLanguage')}
            name="defaultLanguage"
            value={values.defaultLanguage}
            onChange={(e) => setValues((v) => ({ ...v, defaultLanguage: e.target.value as Language }))}
            error={errors.fields.defaultLanguage}
            hint={t('settings.defaultLanguageHint')}
          >
            {ENTITY_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={`${t('settings.address')} ${t('common.optional')}`}
            name="address"
            value={values.address}
            onChange={set('address')}
            error={errors.fields.address}
            autoComplete="street-address"
            rows={3}
          />
        </section>
        <section className="panel" aria-labelledby="settings-payments">
          <h3 id="settings-payments">{t('settings.payments')}</h3>
          <TextField
            label={`${t('settings.iban')} ${t('common.optional')}`}
            name="iban"
            value={values.iban}
            onChange={set('iban')}
            error={errors.fields.iban}
            hint={t('settings.ibanHint')}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={`${t('settings.bic')} ${t('common.optional')}`}
            name="bic"
            value={values.bic}
            onChange={set('bic')}
            error={errors.fields.bic}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={`${t('settings.beneficiary')} ${t('common.optional')}`}
            name="beneficiary"
            value={values.beneficiary}
            onChange={set('beneficiary')}
            error={errors.fields.beneficiary}
            hint={t('settings.beneficiaryHint')}
            autoComplete="off"
          />
          <div className="field checkbox">
            <input
              id="settings-receipts"
              type="checkbox"
              name="receiptEmails"
              checked={values.receiptEmails}
              onChange={(e) => setValues((v) => ({ ...v, receiptEmails: e.target.checked }))}
              data-testid="settings-receipts"
            />
            <label htmlFor="settings-receipts">{t('settings.receiptEmails')}</label>
          </div>
        </section>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending} data-testid="settings-save">
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
