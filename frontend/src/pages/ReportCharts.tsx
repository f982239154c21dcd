import { useId, useState } from 'react';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { TYPE_COLORS } from '../charts';
import { safeColor } from '../components/CategoryBadge';
import { useFormat } from '../hooks';
import { useCategories } from '../queries';
import type { useLineLabels } from '../reports';
import type { CategoryLine, PeriodLine } from '../model';

/** For lines whose category is gone (no colour to take): distinct, and none of them the uncategorised grey. */
const PALETTE = ['#2563eb', '#b45309', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];

const MEASURES = ['receivables', 'collected', 'debts'] as const;
type Measure = (typeof MEASURES)[number];

/** The report's charts; the same figures are in the tables below them. */
export default function ReportCharts({
  byPeriod,
  byCategory,
  labels,
}: {
  byPeriod: PeriodLine[];
  byCategory: CategoryLine[];
  labels: ReturnType<typeof useLineLabels>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const categories = useCategories();
  const measureId = useId();
  // The ring shows one measure at a time: adding receivables, money collected and debts would mean nothing.
  const [measure, setMeasure] = useState<Measure>('receivables');
  const money = {
    callbacks: {
      label: (c: { dataset: { label?: string }; raw: unknown; label?: string }) =>
        `${c.dataset.label ?? c.label}: ${format.money(Number(c.raw))}`,
    },
  };
  const slices = byCategory.filter((line) => line[measure] !== 0);
  const color = (line: CategoryLine, i: number) => {
    if (line.categoryId === null) return safeColor(null);
    const category = categories.data?.find((c) => c.id === line.categoryId);
    return category ? safeColor(category.color) : PALETTE[i % PALETTE.length];
  };

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
                labels: byPeriod.map(labels.periodTick),
                datasets: MEASURES.map((m) => ({
                  label: t(`balance.${m}`),
                  data: byPeriod.map((l) => l[m]),
                  backgroundColor: TYPE_COLORS[m],
                })),
              }}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, ticks: { callback: (v) => format.money(Number(v)) } } },
                plugins: {
                  tooltip: {
                    ...money,
                    callbacks: { ...money.callbacks, title: (items) => labels.period(byPeriod[items[0].dataIndex]) },
                  },
                },
              }}
            />
          </div>
        </figure>
      )}
      {byCategory.length > 0 && (
        <figure className="panel chart" data-testid="report-chart-category">
          <div className="chart-head">
            <figcaption>{t('reports.byCategory')}</figcaption>
            <label htmlFor={measureId} className="visually-hidden">
              {t('reports.measure')}
            </label>
            <select
              id={measureId}
              value={measure}
              onChange={(e) => setMeasure(e.target.value as Measure)}
              data-testid="report-category-measure"
            >
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`balance.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {slices.length === 0 ? (
            <p className="muted">{t('reports.noLines')}</p>
          ) : (
            <div className="chart-canvas">
              <Doughnut
                role="img"
                aria-label={t('reports.chartCategoryLabel', { measure: t(`balance.${measure}`) })}
                data={{
                  labels: slices.map(labels.category),
                  datasets: [
                    {
                      label: t(`balance.${measure}`),
                      data: slices.map((l) => l[measure]),
                      backgroundColor: slices.map(color),
                    },
                  ],
                }}
                options={{ responsive: true, maintainAspectRatio: false, plugins: { tooltip: money } }}
              />
            </div>
          )}
        </figure>
      )}
    </div>
  );
}
