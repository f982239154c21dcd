import { useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query, send } from '../api';
import { announce } from '../components/Announcer';
import { BalanceCards } from '../components/BalanceCards';
import { TransactionCells, useTransactionColumns } from '../components/TransactionCells';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DeleteMemberDialog } from '../components/DeleteMemberDialog';
import { MemberDialog } from '../components/MemberDialog';
import { Pagination } from '../components/Pagination';
import { Empty, ErrorState, errorMessage, Loading } from '../components/QueryState';
import { parseSort, SortHeader, sortParam, toggleSort } from '../components/SortHeader';
import { TransactionDialog } from '../components/TransactionDialog';
import { useReopenDraft } from '../components/useDraft';
import { useFormat, useTitle } from '../hooks';
import { memberName, useCategories } from '../queries';
import { EMPTY_BALANCE } from '../stats';
import type { Member, Transaction, TransactionPage } from '../model';

export const PROFILE_PAGE_SIZE = 50;
const DEFAULT_SORT = { field: 'date', dir: 'desc' } as const;

export function MemberProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const highlight = params.get('highlight');
  const page = Math.max(0, Number(params.get('page')) || 0);
  const sort = parseSort(params.get('sort'), DEFAULT_SORT);
  const categories = useCategories();
  const colors = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c.color])), [categories.data]);

  const member = useQuery({
    queryKey: ['user', id],
    queryFn: () => api<Member>(`/api/users/${encodeURIComponent(id)}`),
  });
  useTitle(member.data ? memberName(member.data) : t('members.profile'));
  const column = useTransactionColumns();

  const transactions = useQuery({
    queryKey: ['transactions', 'member', id, { page, sort: sortParam(sort) }],
    queryFn: () =>
      api<TransactionPage>(
        '/api/transactions' + query({ userId: id, page, size: PROFILE_PAGE_SIZE, sort: sortParam(sort) }),
      ),
    placeholderData: keepPreviousData,
  });

  const rows = transactions.data?.content ?? [];
  const highlightOnPage = !!highlight && rows.some((tx) => tx.id === highlight);
  // A highlighted transaction on another page is fetched on its own and shown first.
  const pinned = useQuery({
    queryKey: ['transaction', highlight],
    queryFn: () => api<Transaction>(`/api/transactions/${encodeURIComponent(highlight!)}`),
    enabled: !!highlight && transactions.isSuccess && !highlightOnPage,
    retry: false,
  });
  const pinnedRow = !highlightOnPage && pinned.data && pinned.data.userId === id ? pinned.data : null;
  const shown = pinnedRow ? [pinnedRow, ...rows] : rows;

  const highlightRef = useRef<HTMLTableRowElement>(null);
  const highlightedId = highlightOnPage || pinnedRow ? highlight : null;
  useEffect(() => {
    const row = highlightRef.current;
    if (!highlightedId || !row) return;
    row.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    row.focus({ preventScroll: true });
  }, [highlightedId]);

  const [editingMember, setEditingMember] = useState(false);
  const [deletingMember, setDeletingMember] = useState(false);
  const [txDialog, setTxDialog] = useState<Transaction | 'new' | null>(null);
  const [deletingTx, setDeletingTx] = useState<Transaction | null>(null);
  // Back from a sign-in with a dialog being typed in: the same dialog opens again, for the same record.
  useReopenDraft('member', member.data ? [member.data] : undefined, () => setEditingMember(true));
  useReopenDraft(
    'transaction',
    transactions.isSuccess && !transactions.isPlaceholderData ? shown : undefined,
    setTxDialog,
  );

  // Archiving keeps the member and their history; it only takes them out of lists and billing runs.
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      send<Member>('POST', `/api/users/${encodeURIComponent(id)}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: (saved) => {
      queryClient.setQueryData(['user', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => announce(errorMessage(error, t)),
  });
  const removeTx = useMutation({
    mutationFn: (tx: Transaction) => send<void>('DELETE', `/api/transactions/${encodeURIComponent(tx.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['transactions'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['user', id] });
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['user', id] }), 1500);
      announce(t('transactions.deleted'));
      setDeletingTx(null);
    },
  });

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const onSort = (field: string) => update({ sort: sortParam(toggleSort(sort, field)), page: null });

  if (member.isPending) return <Loading />;
  if (member.isError) {
    return (
      <div className="page">
        <p>
          <Link to="/members">← {t('members.backToList')}</Link>
        </p>
        <ErrorState
          error={member.error}
          onRetry={
            member.error instanceof ApiError && member.error.status === 404 ? undefined : () => void member.refetch()
          }
        />
      </div>
    );
  }

  const m = member.data;
  const name = memberName(m);

  return (
    <div className="page profile" data-testid="member-profile">
      <p className="breadcrumb">
        <Link to="/members">← {t('members.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h2 data-testid="member-name">{name}</h2>
          <p className="muted contact">
            <span data-testid="member-email">{m.email}</span>
            {m.phone && <span> · {m.phone}</span>}
          </p>
          {m.reference && (
            <p className="reference">
              <span className="muted">{t('members.reference')} </span>
              <code data-testid="member-reference">{m.reference}</code>{' '}
              <button
                type="button"
                className="small"
                onClick={() => {
                  void navigator.clipboard
                    ?.writeText(m.reference ?? '')
                    .then(() => announce(t('members.referenceCopied')));
                }}
                data-testid="member-reference-copy"
              >
                {t('members.copyReference')}
              </button>
            </p>
          )}
          {(m.tags.length > 0 || m.archived) && (
            <ul className="tags" aria-label={t('members.tags')} data-testid="member-tags">
              {m.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
              {m.archived && (
                <li className="archived" title={t('members.archivedNotice')}>
                  {t('members.archived')}
                </li>
              )}
            </ul>
          )}
        </div>
        <div className="head-actions">
          <button type="button" onClick={() => setEditingMember(true)} data-testid="member-edit">
            {t('members.edit')}
          </button>
          <button
            type="button"
            onClick={() => archive.mutate(!m.archived)}
            disabled={archive.isPending}
            data-testid="member-archive"
          >
            {m.archived ? t('members.unarchive') : t('members.archive')}
          </button>
          <button
            type="button"
            className="danger-text"
            onClick={() => setDeletingMember(true)}
            data-testid="member-delete"
          >
            {t('members.delete')}
          </button>
        </div>
      </div>

      <section className="panel">
        <h3 id="balance-title">{t('members.balance')}</h3>
        <BalanceCards balance={m.balance ?? EMPTY_BALANCE} testIdPrefix="balance" of="member" />
      </section>

      <section className="panel">
        <div className="section-head">
          <h3 id="tx-title">{t('transactions.title')}</h3>
          <button type="button" className="primary" onClick={() => setTxDialog('new')} data-testid="transaction-new">
            {t('transactions.new')}
          </button>
        </div>
        {highlight && pinned.isError && !highlightOnPage && (
          <p className="notice" role="status" data-testid="highlight-missing">
            {t('transactions.highlightMissing')}
          </p>
        )}
        {transactions.isPending && <Loading />}
        {transactions.isError && !transactions.data && (
          <ErrorState error={transactions.error} onRetry={() => void transactions.refetch()} />
        )}
        {transactions.isSuccess && shown.length === 0 && <Empty>{t('transactions.emptyMember')}</Empty>}
        {shown.length > 0 && (
          <>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="tx-title">
              <table className="data" data-testid="transactions-table">
                <thead>
                  <tr>
                    <SortHeader field="date" sort={sort} onSort={onSort}>
                      {column.date}
                    </SortHeader>
                    <th scope="col">{column.type}</th>
                    <SortHeader field="category" sort={sort} onSort={onSort}>
                      {column.category}
                    </SortHeader>
                    <th scope="col">{column.description}</th>
                    <SortHeader field="amount" sort={sort} onSort={onSort} className="num">
                      {column.amount}
                    </SortHeader>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((tx) => {
                    const isHighlighted = tx.id === highlightedId;
                    return (
                      <tr
                        key={tx.id}
                        ref={isHighlighted ? highlightRef : undefined}
                        tabIndex={isHighlighted ? -1 : undefined}
                        className={isHighlighted ? 'highlight' : undefined}
                        aria-current={isHighlighted ? 'true' : undefined}
                        data-testid="transaction-row"
                        data-transaction-id={tx.id}
                        data-highlighted={isHighlighted ? 'true' : undefined}
                      >
                        <td className="nowrap" data-label={column.date}>
                          {format.date(tx.date)}
                        </td>
                        <TransactionCells tx={tx} color={tx.categoryId ? colors.get(tx.categoryId) : null} />
                        <td className="row-actions">
                          <button
                            type="button"
                            onClick={() => setTxDialog(tx)}
                            data-testid="transaction-edit"
                            aria-label={t('transactions.editNamed', {
                              date: format.date(tx.date),
                              amount: format.money(tx.amount),
                            })}
                          >
                            {t('common.edit')}
                          </button>
                          <button
                            type="button"
                            className="danger-text"
                            onClick={() => setDeletingTx(tx)}
                            data-testid="transaction-delete"
                            aria-label={t('transactions.deleteNamed', {
                              date: format.date(tx.date),
                              amount: format.money(tx.amount),
                            })}
                          >
                            {t('common.delete')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination
              page={page}
              totalPages={transactions.data?.page.totalPages ?? 1}
              onChange={(p) => update({ page: p ? String(p) : null })}
            />
          </>
        )}
      </section>

      {editingMember && <MemberDialog member={m} onClose={() => setEditingMember(false)} />}
      {deletingMember && (
        <DeleteMemberDialog
          member={m}
          onClose={() => setDeletingMember(false)}
          onDeleted={() => void navigate('/members')}
        />
      )}
      {txDialog && (
        <TransactionDialog
          userId={id}
          transaction={txDialog === 'new' ? undefined : txDialog}
          onClose={() => setTxDialog(null)}
        />
      )}
      {deletingTx && (
        <ConfirmDialog
          title={t('transactions.deleteTitle')}
          confirmLabel={t('common.delete')}
          onConfirm={() => removeTx.mutate(deletingTx)}
          onClose={() => {
            removeTx.reset();
            setDeletingTx(null);
          }}
          busy={removeTx.isPending}
          error={removeTx.isError ? errorMessage(removeTx.error, t) : null}
          testId="delete-transaction-dialog"
        >
          <p>
            {t('transactions.deleteConfirm', {
              type: t(`types.${deletingTx.type}`),
              amount: format.money(deletingTx.amount),
              date: format.date(deletingTx.date),
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
