import { useTranslation } from 'react-i18next';
import { useFormat } from '../hooks';
import type { Balance } from '../model';

/** The four figures of a balance; `testIdPrefix` makes e.g. `total-outstanding`. */
export function BalanceCards({ balance, testIdPrefix }: { balance: Balance; testIdPrefix: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cards = [
    { key: 'receivables', value: balance.receivables },
    { key: 'collected', value: balance.collected },
    { key: 'debts', value: balance.debts },
    { key: 'outstanding', value: balance.outstanding },
  ] as const;
  return (
    <dl className="cards">
      {cards.map((c) => (
        <div key={c.key} className={`card card-${c.key}`}>
          <dt>
            {t(`balance.${c.key}`)}
            <span className="hint">{t(`balance.${c.key}Hint`)}</span>
          </dt>
          <dd data-testid={`${testIdPrefix}-${c.key}`}>{format.money(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
