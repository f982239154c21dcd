import { FormEvent, useId, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../api';
import { TransactionCells, useTransactionColumns } from '../components/TransactionCells';
import { FormError, TextField, SelectField } from '../components/Field';
import { formErrors } from '../components/formErrors';
import { Pagination } from '../components/Pagination';
import { Empty, ErrorState, Loading } from '../components/QueryState';
import { parseSort, SortHeader, sortParam, toggleSort } from '../components/SortHeader';
import {
  activeFilters,
  FILTER_KEYS,
  FilterKey,
  filtersFromParams,
  filtersToParams,
  TransactionFilters,
  withoutFilter,
} from '../filters';
import { parseAmount } from '../format';
import { useFormat, useTitle } from '../hooks';
import { memberName, useAllMembers, useCategories } from '../queries';
import { Transaction, TransactionPage, TRANSACTION_TYPES } from '../model';

export const TRANSACTIONS_PAGE_SIZE = 25;
const DEFAULT_SORT = { field: 'date', dir: 'desc' } as const;

export function TransactionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  useTitle(t('nav.transactions'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const sort = parseSort(params.get('sort'), DEFAULT_SORT);
  const page = Math.max(0, Number(params.get('page')) || 0);
  const members = useAllMembers();
  const categories = useCategories();
  const chips = activeFilters(filters);
  // On a phone the filters fold behind a button (wide screens always show them, see styles.css); a link with
  // filters opens with them shown.
  const [filtersOpen, setFiltersOpen] = useState(chips.length > 0);
  const filtersId = useId();

  const list = useQuery({
    queryKey: ['transactions', 'list', { ...filters, sort: sortParam(sort), page }],
    queryFn: () =>
      api<TransactionPage>(
        '/api/transactions' + query({ ...filters, page, size: TRANSACTIONS_PAGE_SIZE, sort: sortParam(sort) }),
      ),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (next: TransactionFilters) => setParams(filtersToParams(next, params));
  const onSort = (field: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('sort', sortParam(toggleSort(sort, field)));
      next.delete('page');
      return next;
    });
  const setPage = (p: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (p) next.set('page', String(p));
      else next.delete('page');
      return next;
    });

  const chipValue = (key: FilterKey, value: string): string => {
    switch (key) {
      case 'userId': {
        const m = members.data?.content.find((x) => x.id === value);
        return m ? memberName(m) : value;
      }
      case 'categoryId':
        return categories.data?.find((c) => c.id === value)?.name ?? value;
      case 'type':
        return t(`types.${value}`);
      case 'from':
      case 'to':
        return format.date(value);
      case 'minAmount':
      case 'maxAmount':
        return format.money(Number(value));
      default:
        return value;
    }
  };

  // Filters the server refused (e.g. from a hand-edited link): its messages go under the fields, not "Retry".
  const refused =
    list.error instanceof ApiError && list.error.status === 400 && list.error.fieldErrors.length > 0 && !list.data
      ? formErrors(list.error, [...FILTER_KEYS], t)
      : null;

  const rows = list.data?.content ?? [];
  const column = useTransactionColumns();
  const openRow = (tx: Transaction) => {
    void navigate(`/members/${encodeURIComponent(tx.userId)}?highlight=${encodeURIComponent(tx.id)}`);
  };

  return (
    <div className="page">
      <div className="page-head">
        <h2>{t('transactions.globalTitle')}</h2>
        <button
          type="button"
          className="filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen((open) => !open)}
          data-testid="filters-toggle"
        >
          {chips.length ? t('filters.titleCount', { count: chips.length }) : t('filters.title')}
        </button>
      </div>

      {/* The form is re-created when the URL changes (back button), so it always shows the URL's filters. */}
      <FilterForm
        key={filtersToParams(filters).toString()}
        filters={filters}
        onApply={applyFilters}
        members={members.data?.content ?? []}
        categories={categories.data ?? []}
        refused={refused?.fields}
        id={filtersId}
        hidden={!filtersOpen}
      />

      {chips.length > 0 && (
        <div className="chips-bar">
          <ul className="chips" aria-label={t('filters.active')} data-testid="filter-chips">
            {chips.map(([key, value]) => {
              const label = `${t(`filters.${key}`)}: ${chipValue(key, value)}`;
              return (
                <li key={key} className="chip" data-testid="filter-chip" data-filter={key}>
                  <span>{label}</span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('filters.remove', { filter: label })}
                    onClick={() => applyFilters(withoutFilter(filters, key))}
                    data-testid={`filter-chip-remove-${key}`}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="link-button" onClick={() => applyFilters({})} data-testid="filters-clear">
            {t('filters.clearAll')}
          </button>
        </div>
      )}

      {list.isPending && <Loading />}
      {refused && <FormError message={refused.general ?? t('filters.refused')} />}
      {list.isError && !list.data && !refused && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && (
        <Empty>{chips.length ? t('transactions.noMatch') : t('transactions.empty')}</Empty>
      )}
      {rows.length > 0 && (
        <>
          <p className="muted small" aria-live="polite" data-testid="transactions-count">
            {t('transactions.count', { count: list.data?.page.totalElements ?? rows.length })}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('transactions.globalTitle')}>
            <table className="data" data-testid="transactions-table">
              <thead>
                <tr>
                  <SortHeader field="date" sort={sort} onSort={onSort}>
                    {column.date}
                  </SortHeader>
                  <th scope="col">{column.member}</th>
                  <th scope="col">{column.type}</th>
                  <SortHeader field="category" sort={sort} onSort={onSort}>
                    {column.category}
                  </SortHeader>
                  <th scope="col">{column.description}</th>
                  <SortHeader field="amount" sort={sort} onSort={onSort} className="num">
                    {column.amount}
                  </SortHeader>
                </tr>
              </thead>
              <tbody>
                {rows.map((tx) => (
                  <tr
                    key={tx.id}
                    className="clickable"
                    data-testid="transaction-row"
                    data-transaction-id={tx.id}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a,button')) return;
                      openRow(tx);
                    }}
                  >
                    <td className="nowrap" data-label={column.date}>
                      {format.date(tx.date)}
                    </td>
                    <td data-label={column.member}>
                      <Link
                        to={`/members/${encodeURIComponent(tx.userId)}?highlight=${encodeURIComponent(tx.id)}`}
                        data-testid="transaction-member-link"
                      >
                        {tx.userName || t('transactions.unknownMember')}
                      </Link>
                    </td>
                    <TransactionCells tx={tx} color={categories.data?.find((c) => c.id === tx.categoryId)?.color} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} totalPages={list.data?.page.totalPages ?? 1} onChange={setPage} />
        </>
      )}
    </div>
  );
}

interface FilterFormProps {
  filters: TransactionFilters;
  onApply: (filters: TransactionFilters) => void;
  members: { id: string; firstName: string; lastName: string }[];
  categories: { id: string; name: string }[];
  /** The server's messages about the filters applied. */
  refused?: Partial<Record<FilterKey, string>>;
  id: string;
  /** Folded away (small screens only: wide ones show it whatever this says). */
  hidden: boolean;
}

function FilterForm({ filters, onApply, members, categories, refused, id, hidden }: FilterFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Required<Record<FilterKey, string>>>({
    userId: filters.userId ?? '',
    type: filters.type ?? '',
    categoryId: filters.categoryId ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    minAmount: filters.minAmount ?? '',
    maxAmount: filters.maxAmount ?? '',
    q: filters.q ?? '',
  });
  const [checked, setChecked] = useState<Partial<Record<FilterKey, string>> | null>(null);
  // Until the form is sent again, the server's word on the filters applied stands.
  const errors = checked ?? refused ?? {};
  const set = (key: FilterKey) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<FilterKey, string>> = {};
    const problems: Partial<Record<FilterKey, string>> = {};
    for (const key of ['minAmount', 'maxAmount'] as const) {
      if (!values[key].trim()) continue;
      const amount = parseAmount(values[key]);
      if (amount === null) problems[key] = t('transactions.amountFormat');
      else next[key] = String(amount);
    }
    if (values.from && values.to && values.from > values.to) problems.to = t('filters.toBeforeFrom');
    if (next.minAmount && next.maxAmount && Number(next.minAmount) > Number(next.maxAmount))
      problems.maxAmount = t('filters.maxBelowMin');
    setChecked(problems);
    if (Object.keys(problems).length) return;
    onApply({ ...values, ...next, type: (values.type || undefined) as TransactionFilters['type'] });
  };

  return (
    <form
      id={id}
      hidden={hidden}
      className="filters"
      onSubmit={submit}
      noValidate
      aria-label={t('filters.title')}
      data-testid="filter-form"
    >
      <div className="filter-grid">
        <SelectField
          label={t('filters.userId')}
          name="userId"
          value={values.userId}
          onChange={set('userId')}
          data-testid="filter-userId"
        >
          <option value="">{t('filters.any')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {memberName(m)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.type')}
          name="type"
          value={values.type}
          onChange={set('type')}
          data-testid="filter-type"
        >
          <option value="">{t('filters.any')}</option>
          {TRANSACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.categoryId')}
          name="categoryId"
          value={values.categoryId}
          onChange={set('categoryId')}
          data-testid="filter-categoryId"
        >
          <option value="">{t('filters.any')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('filters.from')}
          name="from"
          type="date"
          value={values.from}
          onChange={set('from')}
          error={errors.from}
          data-testid="filter-from"
        />
        <TextField
          label={t('filters.to')}
          name="to"
          type="date"
          value={values.to}
          onChange={set('to')}
          error={errors.to}
          data-testid="filter-to"
        />
        <TextField
          label={t('filters.minAmount')}
          name="minAmount"
          inputMode="decimal"
          value={values.minAmount}
          onChange={set('minAmount')}
          error={errors.minAmount}
          data-testid="filter-minAmount"
        />
        <TextField
          label={t('filters.maxAmount')}
          name="maxAmount"
          inputMode="decimal"
          value={values.maxAmount}
          onChange={set('maxAmount')}
          error={errors.maxAmount}
          data-testid="filter-maxAmount"
        />
        <TextField
          label={t('filters.q')}
          name="q"
          type="search"
          value={values.q}
          onChange={set('q')}
          data-testid="filter-q"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="filters-apply">
          {t('filters.apply')}
        </button>
      </div>
    </form>
  );
}
