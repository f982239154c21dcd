import { useTranslation } from 'react-i18next';
import { useFormat } from '../hooks';
import { Transaction } from '../model';
import { CategoryBadge } from './CategoryBadge';

/** The column names of a transaction list: on its header cells and on each cell (a phone shows rows as cards). */
export function useTransactionColumns() {
  const { t } = useTranslation();
  return {
    date: t('transactions.date'),
    member: t('transactions.member'),
    type: t('transactions.type'),
    category: t('transactions.category'),
    description: t('transactions.description'),
    amount: t('transactions.amount'),
  };
}

/** The type, category, description and amount cells of one transaction row, labelled for the card layout. */
export function TransactionCells({ tx, color }: { tx: Transaction; color?: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const column = useTransactionColumns();
  return (
    <>
      <td data-label={column.type}>
        <span className={`type type-${tx.type}`}>{t(`types.${tx.type}`)}</span>
      </td>
      <td data-label={column.category}>
        <CategoryBadge name={tx.categoryName} color={color} />
      </td>
      <td className="description" data-label={column.description}>
        {tx.description}
      </td>
      <td className="num amount" data-label={column.amount}>
        {format.money(tx.amount)}
      </td>
    </>
  );
}
