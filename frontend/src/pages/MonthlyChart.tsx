import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { TYPE_COLORS } from '../charts';
import { useFormat } from '../hooks';
import type { MonthTotals } from '../stats';

/** The dashboard's bar chart of the last 12 months, with the same figures as a table for screen readers. */
export default function MonthlyChart({ months }: { months: MonthTotals[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = months.map((m) => format.month(m.month));
  return (
    <figure className="chart" data-testid="monthly-chart">
      <div className="chart-canvas">
        <Bar
          role="img"
          aria-label={t('dashboard.chartLabel')}
          data={{
            labels,
            datasets: [
              {
                label: t('balance.receivables'),
                data: months.map((m) => m.receivables),
                backgroundColor: TYPE_COLORS.receivables,
              },
              {
                label: t('balance.collected'),
                data: months.map((m) => m.collected),
                backgroundColor: TYPE_COLORS.collected,
              },
              { label: t('balance.debts'), data: months.map((m) => m.debts), backgroundColor: TYPE_COLORS.debts },
            ],
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true, ticks: { callback: (v) => format.money(Number(v)) } } },
            plugins: {
              tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format.money(Number(c.raw))}` } },
            },
          }}
        />
      </div>
      <details>
        <summary>{t('common.showTable')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dashboard.chart')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.month')}</th>
                <th scope="col" className="num">
                  {t('balance.receivables')}
                </th>
                <th scope="col" className="num">
                  {t('balance.collected')}
                </th>
                <th scope="col" className="num">
                  {t('balance.debts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m.month}>
                  <th scope="row">{labels[i]}</th>
                  <td className="num" data-label={t('balance.receivables')}>
                    {format.money(m.receivables)}
                  </td>
                  <td className="num" data-label={t('balance.collected')}>
                    {format.money(m.collected)}
                  </td>
                  <td className="num" data-label={t('balance.debts')}>
                    {format.money(m.debts)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
