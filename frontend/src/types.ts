/** The shapes of the gateway's HTTP API (DESIGN §5); money is a JSON number with at most 2 decimals. */

export interface Page<T> {
  content: T[];
  page: { size: number; number: number; totalElements: number; totalPages: number };
}

export interface Balance {
  receivables: number;
  debts: number;
  collected: number;
  outstanding: number;
}

export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  balance?: Balance | null;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

export type MemberInput = Pick<Member, 'firstName' | 'lastName' | 'email' | 'phone'> & { version?: number };

export const TRANSACTION_TYPES = ['RECEIVABLE', 'DEBT', 'COLLECTED'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export interface Transaction {
  id: string;
  userId: string;
  userName?: string | null;
  type: TransactionType;
  amount: number;
  categoryId?: string | null;
  categoryName?: string | null;
  date: string;
  description?: string | null;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

export interface TransactionInput {
  userId: string;
  type: TransactionType;
  amount: number | null;
  categoryId: string | null;
  date: string;
  description: string;
  version?: number;
}

export interface Category {
  id: string;
  name: string;
  color: string;
  version?: number;
}

export interface Notification {
  id: string;
  type: string;
  message: string;
  userId?: string | null;
  transactionId?: string | null;
  createdAt: string;
  read: boolean;
}

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

export interface ReportTotals extends Balance {
  count: number;
}

/** One line of a report breakdown; the label field depends on the breakdown (period, category, member). */
export interface ReportLine extends Partial<ReportTotals> {
  period?: string;
  label?: string;
  key?: string;
  categoryId?: string | null;
  categoryName?: string | null;
  userId?: string | null;
  userName?: string | null;
  [extra: string]: unknown;
}

export interface Report {
  id: string;
  from: string;
  to: string;
  granularity: Granularity;
  userId?: string | null;
  categoryId?: string | null;
  createdAt: string;
  createdBy?: string | null;
  totals: ReportTotals;
  byPeriod?: ReportLine[];
  byCategory?: ReportLine[];
  byUser?: ReportLine[];
}

export interface Admin {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  superAdmin: boolean;
  enabled: boolean;
}
