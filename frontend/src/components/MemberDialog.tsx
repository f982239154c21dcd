import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { send } from '../api';
import type { Member, MemberInput } from '../model';
import { announce } from './Announcer';
import { Dialog } from './Dialog';
import { DraftRestored, FormError, SelectField, TextField } from './Field';
import { formErrors, NO_ERRORS } from './formErrors';
import { LANGUAGES } from '../i18n';
import { useDraft } from './useDraft';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'tags', 'language', 'iban'];

/** Sections as typed: "Baladins, Louveteaux". */
const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

interface MemberDialogProps {
  member?: Member;
  onClose: () => void;
  onSaved?: (member: Member) => void;
}

/** Creates a member, or edits one (sending back its version so a concurrent change is refused, 409). */
export function MemberDialog({ member, onClose, onSaved }: MemberDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // What is typed survives a sign-in round trip when the session ends meanwhile.
  const draft = useDraft(
    'member',
    member?.id,
    {
      firstName: member?.firstName ?? '',
      lastName: member?.lastName ?? '',
      email: member?.email ?? '',
      phone: member?.phone ?? '',
      tags: member?.tags.join(', ') ?? '',
      language: member?.language ?? '',
      iban: member?.iban ?? '',
    },
    { version: member?.version },
  );
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const close = () => {
    draft.clear();
    onClose();
  };

  const save = useMutation({
    mutationFn: (body: MemberInput) =>
      member
        ? send<Member>('PUT', `/api/users/${encodeURIComponent(member.id)}`, { ...body, version: draft.version })
        : send<Member>('POST', '/api/users', body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      if (member) void queryClient.invalidateQueries({ queryKey: ['user', member.id] });
      announce(member ? t('members.saved') : t('members.created'));
      close();
      onSaved?.(saved);
    },
    onError: (error) => setErrors(formErrors(error, FIELDS, t, 'email')),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    save.mutate({
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      // Left out when empty: the member has no phone (an update clears it).
      phone: values.phone.trim() || undefined,
      tags: splitTags(values.tags),
      language: values.language || undefined,
      iban: values.iban.trim() || undefined,
    });
  };

  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    error: errors.fields[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  return (
    <Dialog title={member ? t('members.editTitle') : t('members.newTitle')} onClose={close} testId="member-dialog">
      <form onSubmit={submit} noValidate>
        <DraftRestored show={draft.restored} />
        <FormError message={errors.general} />
        <div className="form-grid">
          <TextField label={t('members.firstName')} autoComplete="off" required data-autofocus {...bind('firstName')} />
          <TextField label={t('members.lastName')} autoComplete="off" required {...bind('lastName')} />
          <TextField label={t('members.email')} type="email" autoComplete="off" required {...bind('email')} />
          <TextField
            label={`${t('members.phone')} ${t('common.optional')}`}
            type="tel"
            autoComplete="off"
            hint={t('members.phoneHint')}
            {...bind('phone')}
          />
          <TextField
            label={`${t('members.tags')} ${t('common.optional')}`}
            autoComplete="off"
            hint={t('members.tagsHint')}
            {...bind('tags')}
          />
          <SelectField label={t('members.language')} {...bind('language')}>
            <option value="">{t('members.languageEntity')}</option>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label={`${t('members.iban')} ${t('common.optional')}`}
            autoComplete="off"
            hint={t('members.ibanHint')}
            {...bind('iban')}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending} data-testid="member-save">
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
