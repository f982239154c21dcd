import { useTranslation } from 'react-i18next';
import { TextField } from './Field';

export type AccountField = 'username' | 'email' | 'firstName' | 'lastName' | 'password';

interface AccountFieldsProps {
  values: Record<AccountField, string>;
  errors: Record<string, string>;
  onChange: (field: AccountField) => (e: { target: { value: string } }) => void;
  /** Whether first and last names must be given (an organisation's first admin) or may stay empty. */
  namesRequired?: boolean;
  /** Whether the username takes the focus when the form opens (in a dialog). */
  autoFocus?: boolean;
}

/**
 * The fields of a new administrator's account, the same on the administration page and for an organisation's
 * first super-admin: username, e-mail, names and an optional initial password (none: a temporary one is made).
 */
export function AccountFields({
  values,
  errors,
  onChange,
  namesRequired = false,
  autoFocus = false,
}: AccountFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('admin.usernameHeader')}
        name="username"
        value={values.username}
        onChange={onChange('username')}
        error={errors.username}
        autoComplete="off"
        required
        data-autofocus={autoFocus || undefined}
      />
      <TextField
        label={t('members.email')}
        name="email"
        type="email"
        value={values.email}
        onChange={onChange('email')}
        error={errors.email}
        autoComplete="off"
        required
      />
      <TextField
        label={t('members.firstName')}
        name="firstName"
        value={values.firstName}
        onChange={onChange('firstName')}
        error={errors.firstName}
        autoComplete="off"
        required={namesRequired}
      />
      <TextField
        label={t('members.lastName')}
        name="lastName"
        value={values.lastName}
        onChange={onChange('lastName')}
        error={errors.lastName}
        autoComplete="off"
        required={namesRequired}
      />
      <TextField
        label={`${t('admin.initialPassword')} ${t('common.optional')}`}
        name="password"
        type="password"
        value={values.password}
        onChange={onChange('password')}
        error={errors.password}
        autoComplete="new-password"
        hint={t('admin.initialPasswordHint')}
      />
    </>
  );
}
