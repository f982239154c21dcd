import { lastMonths } from './format';
import type { Balance, Member, Transaction } from './model';

export const EMPTY_BALANCE: Balance = { receivables: 0, debts: 0, collected: 0, outstanding: 0 };

/** Sums in cents, so that 0.1 + 0.2 stays 0.30. */
function add(a: number, b: number): number {
  return Math.round(a * 100 + b * 100) / 100;
}

export function totalBalance(members: Member[]): Balance {
  return members.reduce<Balance>(
    (sum, m) => ({
      receivables: add(sum.receivables, m.balance.receivables),
      debts: add(sum.debts, m.balance.debts),
      collected: add(sum.collected, m.balance.collected),
      outstanding: add(sum.outstanding, m.balance.outstanding),
    }),
    EMPTY_BALANCE,
  );
}

/** The members who still owe the most, largest first; those who owe nothing are left out. */
export function topDebtors(members: Member[], count = 5): Member[] {
  return members
    .filter((m) => m.balance.outstanding > 0)
    .sort((a, b) => b.balance.outstanding - a.balance.outstanding)
    .slice(0, count);
}

export interface MonthTotals {
  month: string;
  receivables: number;
  debts: number;
  collected: number;
}

/** Per month of the last `count` months (oldest first): the sums of each type of transaction. */
export function monthlyTotals(transactions: Transaction[], count = 12, now: Date = new Date()): MonthTotals[] {
  const months = lastMonths(count, now);
  const byMonth = new Map(months.map((month) => [month, { month, receivables: 0, debts: 0, collected: 0 }]));
  for (const tx of transactions) {
    const bucket = byMonth.get(tx.date.substring(0, 7));
    if (!bucket) continue;
    if (tx.type === 'RECEIVABLE') bucket.receivables = add(bucket.receivables, tx.amount);
    else if (tx.type === 'DEBT') bucket.debts = add(bucket.debts, tx.amount);
    else if (tx.type === 'COLLECTED') bucket.collected = add(bucket.collected, tx.amount);
  }
  return months.map((m) => byMonth.get(m)!);
}
