import { monthlyTotals, topDebtors, totalBalance } from './stats';
import type { Member, Transaction } from './model';
import { aMember, aTransaction } from './test/fixtures';

const member = (id: string, outstanding: number, extra: Partial<Member['balance']> = {}): Member =>
  aMember({ id, firstName: id, balance: { receivables: 0, debts: 0, collected: 0, outstanding, ...extra } });

describe('dashboard figures', () => {
  it('adds balances in cents', () => {
    const total = totalBalance([member('a', 0.1, { receivables: 0.1 }), member('b', 0.2, { receivables: 0.2 })]);
    expect(total.outstanding).toBe(0.3);
    expect(total.receivables).toBe(0.3);
  });
  it('ranks who owes most and leaves out who owes nothing', () => {
    const top = topDebtors([member('a', 10), member('b', -5), member('c', 30), member('d', 0)]);
    expect(top.map((m) => m.id)).toEqual(['c', 'a']);
  });
  it('sums each type per month of the last 12', () => {
    const tx = (date: string, type: Transaction['type'], amount: number): Transaction =>
      aTransaction({ id: date + type, type, amount, date });
    const months = monthlyTotals(
      [
        tx('2026-11-02', 'RECEIVABLE', 50),
        tx('2026-11-20', 'COLLECTED', 20),
        tx('2026-10-01', 'DEBT', 5),
        tx('2024-01-01', 'DEBT', 99),
      ],
      12,
      new Date(2026, 10, 25),
    );
    expect(months).toHaveLength(12);
    expect(months[11]).toEqual({ month: '2026-11', receivables: 50, debts: 0, collected: 20 });
    expect(months[10]).toEqual({ month: '2026-10', receivables: 0, debts: 5, collected: 0 });
  });
});
