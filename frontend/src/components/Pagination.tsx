import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  totalPages: number;
  onChange: (page: number) => void;
}

export function Pagination({ page, totalPages, onChange }: PaginationProps) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')} data-testid="pagination">
      <button type="button" disabled={page <= 0} onClick={() => onChange(page - 1)} data-testid="page-prev">
        {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.pageOf', { page: page + 1, pages: totalPages })}</span>
      <button
        type="button"
        disabled={page >= totalPages - 1}
        onClick={() => onChange(page + 1)}
        data-testid="page-next"
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
