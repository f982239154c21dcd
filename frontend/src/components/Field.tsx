import { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldShellProps {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A label, the control, a hint and the field's error message, tied together for assistive technology. */
function FieldShell({ label, name, error, hint, children }: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: !!error })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { label: string; name: string; error?: string; hint?: ReactNode };

export function TextField({ label, name, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...input} />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  ...area
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...area} />
      )}
    </FieldShell>
  );
}

export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="form-error" data-testid="form-error">
      {message}
    </div>
  );
}

/** Tells that the form shows changes kept while the person signed in again, not what is saved. */
export function DraftRestored({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p role="status" className="notice draft-restored" data-testid="draft-restored">
      {t('drafts.restored')}
    </p>
  );
}
