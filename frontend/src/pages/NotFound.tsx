import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTitle } from '../hooks';

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <div className="page" data-testid="not-found">
      <h2>{t('notFound.title')}</h2>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
