import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { csrfToken } from '../api';

/** Signs out with a form post to the gateway's /logout, carrying the CSRF token (a plain link could be forged). */
export function SignOutForm({ className, children }: { className?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form
      method="post"
      action="/logout"
      className={className}
      // The token is read again at the last moment, in case the gateway renewed the cookie meanwhile.
      onSubmit={(e) => {
        const field = e.currentTarget.elements.namedItem('_csrf');
        if (field instanceof HTMLInputElement) field.value = csrfToken() ?? '';
      }}
    >
      <input type="hidden" name="_csrf" value={csrfToken() ?? ''} />
      {children}
      <button type="submit" data-testid="sign-out">
        {t('app.signOut')}
      </button>
    </form>
  );
}
