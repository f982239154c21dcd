import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { BalanceCards } from '../components/BalanceCards';
import { Empty, ErrorState, Loading } from '../components/QueryState';
import { useFormat, useTitle } from '../hooks';
import { exportUrl, lineLabel } from '../reports';
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
          <ReportCharts byPeriod={byPeriod} byCategory={byCategory} />
        </Suspense>
      )}

      <BreakdownTable
        title={t('reports.byPeriod')}
        lines={byPeriod}
        labelHeader={t('reports.period')}
        testId="report-by-period"
      />
      <BreakdownTable
        title={t('reports.byCategory')}
        lines={byCategory}
        labelHeader={t('transactions.category')}
        testId="report-by-category"
      />
      <BreakdownTable
        title={t('reports.byUser')}
        lines={byUser}
        labelHeader={t('transactions.member')}
        testId="report-by-user"
      />
    </div>
  );
}

function BreakdownTable({
  title,
  lines,
  labelHeader,
  testId,
}: {
  title: string;
  lines: ReportLine[];
  labelHeader: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `${testId}-title`;
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
                <th scope="col" className="num">
                  {t('balance.receivables')}
                </th>
                <th scope="col" className="num">
                  {t('balance.collected')}
                </th>
                <th scope="col" className="num">
                  {t('balance.debts')}
                </th>
                <th scope="col" className="num">
                  {t('balance.outstanding')}
                </th>
                <th scope="col" className="num">
                  {t('reports.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => (
                <tr key={`${lineLabel(line)}-${i}`}>
                  <th scope="row">{lineLabel(line)}</th>
                  <td className="num">{format.money(line.receivables)}</td>
                  <td className="num">{format.money(line.collected)}</td>
                  <td className="num">{format.money(line.debts)}</td>
                  <td className="num">{format.money(line.outstanding)}</td>
                  <td className="num">{line.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
