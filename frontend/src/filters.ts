import { parseAmount } from './format';
import { TRANSACTION_TYPES, TransactionType } from './model';

/** The global transaction view's filters, all optional and cumulative; they live in the URL. */
export interface TransactionFilters {
  userId?: string;
  type?: TransactionType;
  categoryId?: string;
  from?: string;
  to?: string;
  minAmount?: string;
  maxAmount?: string;
  q?: string;
}

export const FILTER_KEYS = ['userId', 'type', 'categoryId', 'from', 'to', 'minAmount', 'maxAmount', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isTransactionType(value: string): value is TransactionType {
  return (TRANSACTION_TYPES as readonly string[]).includes(value);
}

/** Reads the filters from the URL, leaving out values that are not valid (a hand-edited link). */
export function filtersFromParams(params: URLSearchParams): TransactionFilters {
  const filters: TransactionFilters = {};
  const text = (key: FilterKey) => params.get(key)?.trim() || undefined;
  const userId = text('userId');
  if (userId) filters.userId = userId;
  const type = text('type');
  if (type && isTransactionType(type)) filters.type = type;
  const categoryId = text('categoryId');
  if (categoryId) filters.categoryId = categoryId;
  for (const key of ['from', 'to'] as const) {
    const value = text(key);
    if (value && DATE.test(value)) filters[key] = value;
  }
  for (const key of ['minAmount', 'maxAmount'] as const) {
    const value = text(key);
    const amount = value === undefined ? null : parseAmount(value);
    if (amount !== null) filters[key] = String(amount);
  }
  const q = text('q');
  if (q) filters.q = q;
  return filters;
}

/**
 * Writes the filters into URL parameters. Other parameters of `base` (the sort) are kept; the page goes
 * back to the first, since the result changes.
 */
export function filtersToParams(filters: TransactionFilters, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of FILTER_KEYS) params.delete(key);
  params.delete('page');
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The filters that are set, in a stable order (one chip each). */
export function activeFilters(filters: TransactionFilters): [FilterKey, string][] {
  return FILTER_KEYS.filter((key) => filters[key]).map((key) => [key, filters[key]!]);
}

export function withoutFilter(filters: TransactionFilters, key: FilterKey): TransactionFilters {
  const next = { ...filters };
  delete next[key];
  return next;
}
