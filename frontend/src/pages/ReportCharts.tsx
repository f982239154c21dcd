import { Bar, Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { TYPE_COLORS } from '../charts';
import { useFormat } from '../hooks';
import { lineLabel } from '../reports';
import type { CategoryLine, PeriodLine } from '../model';

const PALETTE = [
  '#2563eb',
  '#b45309',
  '#15803d',
  '#b91c1c',
  '#7c3aed',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#9a3412',
  '#475569',
];

/** The report's charts; the same figures are in the tables below them. */
export default function ReportCharts({ byPeriod, byCategory }: { byPeriod: PeriodLine[]; byCategory: CategoryLine[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = {
    callbacks: {
      label: (c: { dataset: { label?: string }; raw: unknown; label?: string }) =>
        `${c.dataset.label ?? c.label}: ${format.money(Number(c.raw))}`,
    },
  };
  const categoryAmount = (l: CategoryLine) => l.receivables + l.debts + l.collected;

  return (
    <div className="columns charts">
      {byPeriod.length > 0 && (
        <figure className="panel chart" data-testid="report-chart-period">
          <figcaption>{t('reports.byPeriod')}</figcaption>
          <div className="chart-canvas">
            <Bar
              role="img"
              aria-label={t('reports.chartPeriodLabel')}
              data={{
                labels: byPeriod.map(lineLabel),
                datasets: [
                  {
                    label: t('balance.receivables'),
                    data: byPeriod.map((l) => l.receivables),
                    backgroundColor: TYPE_COLORS.receivables,
                  },
                  {
                    label: t('balance.collected'),
                    data: byPeriod.map((l) => l.collected),
                    backgroundColor: TYPE_COLORS.collected,
                  },
                  {
                    label: t('balance.debts'),
                    data: byPeriod.map((l) => l.debts),
                    backgroundColor: TYPE_COLORS.debts,
                  },
                ],
              }}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, ticks: { callback: (v) => format.money(Number(v)) } } },
                plugins: { tooltip: money },
              }}
            />
          </div>
        </figure>
      )}
      {byCategory.length > 0 && (
        <figure className="panel chart" data-testid="report-chart-category">
          <figcaption>{t('reports.byCategory')}</figcaption>
          <div className="chart-canvas">
            <Doughnut
              role="img"
              aria-label={t('reports.chartCategoryLabel')}
              data={{
                labels: byCategory.map(lineLabel),
                datasets: [
                  {
                    label: t('reports.amount'),
                    data: byCategory.map(categoryAmount),
                    backgroundColor: byCategory.map((_, i) => PALETTE[i % PALETTE.length]),
                  },
                ],
              }}
              options={{ responsive: true, maintainAspectRatio: false, plugins: { tooltip: money } }}
            />
          </div>
        </figure>
      )}
    </div>
  );
}
