import { useTranslation } from 'react-i18next';
import { useFormat } from '../hooks';
import type { Balance } from '../model';

interface BalanceCardsProps {
  balance: Balance;
  /** Makes e.g. `total-outstanding`. */
  testIdPrefix: string;
  /** Whose balance: one member's, or the sum over the members (named when the organisation owes them). */
  of: 'member' | 'members';
}

/** The four figures of a balance. */
export function BalanceCards({ balance, testIdPrefix, of }: BalanceCardsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const cards = [
    { key: 'receivables', value: balance.receivables },
    { key: 'collected', value: balance.collected },
    { key: 'debts', value: balance.debts },
    { key: 'outstanding', value: balance.outstanding },
  ] as const;
  // A negative outstanding is not "still to be paid in": the organisation owes it.
  const hint = (key: (typeof cards)[number]['key'], value: number) =>
    key === 'outstanding' && value < 0
      ? t(of === 'member' ? 'balance.owedToMember' : 'balance.owedToMembers')
      : t(`balance.${key}Hint`);
  return (
    <dl className="cards">
      {cards.map((c) => (
        <div key={c.key} className={`card card-${c.key}`}>
          <dt>
            {t(`balance.${c.key}`)}
            <span className="hint">{hint(c.key, c.value)}</span>
          </dt>
          <dd data-testid={`${testIdPrefix}-${c.key}`}>{format.money(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
