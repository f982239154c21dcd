import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { BalanceCards } from '../components/BalanceCards';
import { Empty, ErrorState, Loading } from '../components/QueryState';
import { useFormat, useTitle } from '../hooks';
import { exportUrl, useLineLabels } from '../reports';
import type { Report, ReportLine } from '../model';

const ReportCharts = lazy(() => import('./ReportCharts'));

export function ReportViewPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const report = useQuery({
    queryKey: ['report', id],
    queryFn: () => api<Report>(`/api/reports/${encodeURIComponent(id)}`),
    staleTime: Infinity, // a report is a frozen snapshot
  });
  useTitle(t('reports.title'));
  const labels = useLineLabels(report.data?.granularity ?? 'MONTH');

  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to="/reports">← {t('reports.back')}</Link>
        </p>
        <ErrorState
          error={report.error}
          onRetry={
            report.error instanceof ApiError && report.error.status === 404 ? undefined : () => void report.refetch()
          }
        />
      </div>
    );
  }
  const r = report.data;
  const { byPeriod, byCategory, byUser } = r;

  return (
    <div className="page" data-testid="report-view">
      <p className="breadcrumb">
        <Link to="/reports">← {t('reports.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h2 data-testid="report-title">
            {t('reports.periodValue', { from: format.date(r.from), to: format.date(r.to) })}
          </h2>
          <p className="muted">
            {t(`reports.granularities.${r.granularity}`, { defaultValue: r.granularity })} ·{' '}
            {t('reports.createdLine', { when: format.dateTime(r.createdAt), who: r.createdBy })}
          </p>
        </div>
        <div className="head-actions">
          <a className="button" href={exportUrl(r.id, 'csv', i18n.language)} download data-testid="report-download-csv">
            {t('reports.downloadCsv')}
          </a>
          <a className="button" href={exportUrl(r.id, 'pdf', i18n.language)} download data-testid="report-download-pdf">
            {t('reports.downloadPdf')}
          </a>
        </div>
      </div>

      <section className="panel">
        <h3 id="report-totals">{t('reports.totals')}</h3>
        <BalanceCards balance={r.totals} testIdPrefix="report-total" of="members" />
        <p className="muted small" data-testid="report-count">
          {t('transactions.count', { count: r.totals.count })}
        </p>
      </section>

      {(byPeriod.length > 0 || byCategory.length > 0) && (
        <Suspense fallback={<Loading />}>
          <ReportCharts byPeriod={byPeriod} byCategory={byCategory} labels={labels} />
        </Suspense>
      )}

      <BreakdownTable
        title={t('reports.byPeriod')}
        lines={byPeriod}
        label={labels.period}
        labelHeader={t('reports.period')}
        testId="report-by-period"
      />
      <BreakdownTable
        title={t('reports.byCategory')}
        lines={byCategory}
        label={labels.category}
        labelHeader={t('transactions.category')}
        testId="report-by-category"
      />
      <BreakdownTable
        title={t('reports.byUser')}
        lines={byUser}
        label={labels.member}
        labelHeader={t('transactions.member')}
        testId="report-by-user"
      />
    </div>
  );
}

function BreakdownTable<Line extends ReportLine>({
  title,
  lines,
  label,
  labelHeader,
  testId,
}: {
  title: string;
  lines: Line[];
  label: (line: Line) => string;
  labelHeader: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `${testId}-title`;
  // The column names, on the header cells and on each cell (a phone shows every row as a card: styles.css).
  const figures = [
    ['receivables', t('balance.receivables')],
    ['collected', t('balance.collected')],
    ['debts', t('balance.debts')],
    ['outstanding', t('balance.outstanding')],
  ] as const;
  return (
    <section className="panel">
      <h3 id={headingId}>{title}</h3>
      {lines.length === 0 ? (
        <Empty>{t('reports.noLines')}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="data" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                {figures.map(([key, label]) => (
                  <th key={key} scope="col" className="num">
                    {label}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('reports.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => (
                <tr key={`${label(line)}-${i}`}>
                  <th scope="row">{label(line)}</th>
                  {figures.map(([key, label]) => (
                    <td key={key} className="num" data-label={label}>
                      {format.money(line[key])}
                    </td>
                  ))}
                  <td className="num" data-label={t('reports.count')}>
                    {line.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
