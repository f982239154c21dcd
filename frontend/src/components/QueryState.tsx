import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, FieldError } from '../api';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading" data-testid="loading">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

/** One field's message of a 400, named by its field when it has one. */
export function fieldErrorText({ field, message }: FieldError): string {
  return field ? `${field}: ${message}` : message;
}

/** The server found the request itself invalid: sending it again would fail the same way. */
function rejected(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400;
}

/** What to tell the treasurer about a failed call. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    // What is wrong, rather than "Some fields are invalid".
    if (error.status === 400 && error.fieldErrors.length) return error.fieldErrors.map(fieldErrorText).join(' ');
    if (error.unavailable) return t('errors.unavailable');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 409) return error.detail || t('errors.conflict');
    if (error.status === 413) return t('errors.tooLarge');
    return t('errors.generic', { detail: error.detail });
  }
  return t('errors.generic', { detail: error instanceof Error ? error.message : String(error) });
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
  /** More ways out, shown beside Retry. */
  actions?: ReactNode;
}

export function ErrorState({ error, onRetry, compact, actions }: ErrorStateProps) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError && error.unavailable && error.status !== 0 ? error.detail : null;
  return (
    <div role="alert" className={compact ? 'error-state compact' : 'error-state'} data-testid="error-state">
      <p>{errorMessage(error, t)}</p>
      {detail && <p className="muted small">{detail}</p>}
      {((onRetry && !rejected(error)) || actions) && (
        <div className="error-actions">
          {onRetry && !rejected(error) && (
            <button type="button" onClick={onRetry} data-testid="retry">
              {t('common.retry')}
            </button>
          )}
          {actions}
        </div>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="empty" data-testid="empty-state">
      {children}
    </p>
  );
}
