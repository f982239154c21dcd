import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api';
import { BalanceCards } from '../components/BalanceCards';
import { notificationTarget } from '../components/NotificationBell';
import { Empty, ErrorState, Loading } from '../components/QueryState';
import { isoDate, lastMonths } from '../format';
import { useFormat, useTitle } from '../hooks';
import { displayName, memberName, useAllMembers, useMe } from '../queries';
import { monthlyTotals, topDebtors, totalBalance } from '../stats';
import type { Member, NotificationPage, TransactionPage } from '../model';

const MonthlyChart = lazy(() => import('./MonthlyChart'));

/** Transactions of the last 12 months fetched for the chart (one page; a small organisation stays below). */
const CHART_PAGE_SIZE = 2000;

/** One empty list for as long as the members load, so that the memos below keep their value. */
const NO_MEMBERS: Member[] = [];

export function Dashboard() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  useTitle(t('nav.dashboard'));

  const members = useAllMembers();
  const memberList = members.data?.content ?? NO_MEMBERS;
  const totals = useMemo(() => totalBalance(memberList), [memberList]);
  const debtors = useMemo(() => topDebtors(memberList), [memberList]);

  const recent = useQuery({
    queryKey: ['notifications', 'recent'],
    queryFn: () => api<NotificationPage>('/api/notifications?size=6'),
  });

  const from = `${lastMonths(12)[0]}-01`;
  const chartTransactions = useQuery({
    queryKey: ['transactions', 'chart', from],
    queryFn: () =>
      api<TransactionPage>(
        '/api/transactions' + query({ from, to: isoDate(new Date()), size: CHART_PAGE_SIZE, sort: 'date,asc' }),
      ),
  });
  const months = useMemo(() => monthlyTotals(chartTransactions.data?.content ?? []), [chartTransactions.data]);

  return (
    <div className="page dashboard">
      {me.data && <h2 data-testid="welcome">{t('dashboard.welcome', { name: displayName(me.data) })}</h2>}

      <section className="panel" data-testid="dashboard-totals">
        <h3 id="totals-title">{t('dashboard.totals')}</h3>
        {members.isPending && <Loading />}
        {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
        {members.isSuccess && (
          <>
            <BalanceCards balance={totals} testIdPrefix="total" of="members" />
            <p className="muted small">{t('dashboard.basedOn', { count: members.data.page.totalElements })}</p>
          </>
        )}
      </section>

      <div className="columns">
        <section className="panel" data-testid="top-debtors">
          <h3 id="debtors-title">{t('dashboard.owesMost')}</h3>
          {members.isPending && <Loading />}
          {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} compact />}
          {members.isSuccess && debtors.length === 0 && <Empty>{t('dashboard.nobodyOwes')}</Empty>}
          {debtors.length > 0 && (
            <ol className="ranked">
              {debtors.map((m) => (
                <li key={m.id} data-testid="top-debtor">
                  <Link to={`/members/${encodeURIComponent(m.id)}`}>{memberName(m)}</Link>
                  <span className="amount owes">{format.money(m.balance.outstanding)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="panel" data-testid="recent-activity">
          <h3 id="recent-title">{t('dashboard.recent')}</h3>
          {recent.isPending && <Loading />}
          {recent.isError && <ErrorState error={recent.error} onRetry={() => void recent.refetch()} compact />}
          {recent.isSuccess && recent.data.content.length === 0 && <Empty>{t('dashboard.noActivity')}</Empty>}
          {recent.isSuccess && recent.data.content.length > 0 && (
            <ul className="activity">
              {recent.data.content.map((n) => (
                <li key={n.id}>
                  {n.userId ? <Link to={notificationTarget(n)}>{n.message}</Link> : <span>{n.message}</span>}
                  <time dateTime={n.createdAt} className="muted small">
                    {format.dateTime(n.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="panel">
        <h3 id="chart-title">{t('dashboard.chart')}</h3>
        {chartTransactions.isPending && <Loading />}
        {chartTransactions.isError && (
          <ErrorState error={chartTransactions.error} onRetry={() => void chartTransactions.refetch()} />
        )}
        {chartTransactions.isSuccess && chartTransactions.data.content.length === 0 && (
          <Empty>{t('dashboard.chartEmpty')}</Empty>
        )}
        {chartTransactions.isSuccess && chartTransactions.data.content.length > 0 && (
          <Suspense fallback={<Loading />}>
            <MonthlyChart months={months} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
