import { useEffect, useEffectEvent, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api';
import { DeleteMemberDialog } from '../components/DeleteMemberDialog';
import { MemberDialog } from '../components/MemberDialog';
import { Pagination } from '../components/Pagination';
import { Empty, ErrorState, Loading } from '../components/QueryState';
import { parseSort, SortHeader, sortParam, toggleSort } from '../components/SortHeader';
import { useReopenDraft } from '../components/useDraft';
import { useFormat, useTitle } from '../hooks';
import { memberName, useAllMembers } from '../queries';
import type { Member, MemberPage } from '../model';

export const MEMBERS_PAGE_SIZE = 20;
const DEFAULT_SORT = { field: 'lastName', dir: 'asc' } as const;

export function MembersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  useTitle(t('nav.members'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = parseSort(params.get('sort'), DEFAULT_SORT);
  const page = Math.max(0, Number(params.get('page')) || 0);
  const tag = params.get('tag') ?? '';
  const archived = params.get('archived') === 'true';
  // The unit's sections, from every member (one large page, as for the pickers).
  const everyone = useAllMembers();
  const sections = [...new Set((everyone.data?.content ?? []).flatMap((m) => m.tags))].sort((a, b) =>
    a.localeCompare(b),
  );

  const [search, setSearch] = useState(q);
  // The search in the URL changed (back, a link): the box shows it, unless that is what is being typed.
  // Adjusted while rendering rather than in an effect (https://react.dev/learn/you-might-not-need-an-effect).
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setSearch((s) => (s.trim() === q ? s : q));
  }
  // Typing searches after a short pause; the search stays in the URL.
  const searchFor = useEffectEvent((value: string) => update({ q: value || null, page: null }, true));
  useEffect(() => {
    const value = search.trim();
    if (value === q) return;
    const timer = setTimeout(() => searchFor(value), 300);
    return () => clearTimeout(timer);
  }, [search, q]);

  function update(changes: Record<string, string | null>, replace = false) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace },
    );
  }

  const list = useQuery({
    queryKey: ['users', 'list', { q, tag, archived, sort: sortParam(sort), page }],
    queryFn: () =>
      api<MemberPage>(
        '/api/users' +
          query({
            q,
            tag,
            archived: archived ? 'true' : undefined,
            page,
            size: MEMBERS_PAGE_SIZE,
            sort: sortParam(sort),
          }),
      ),
    placeholderData: keepPreviousData,
  });

  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Member | null>(null);
  // Back from a sign-in with a member being typed: the same dialog opens again.
  useReopenDraft('member', list.isPlaceholderData ? undefined : list.data?.content, setEditing);
  const onSort = (field: string) => update({ sort: sortParam(toggleSort(sort, field)), page: null });

  const members = list.data?.content ?? [];
  // The column names, on the header cells and on each cell (a phone shows every row as a card: styles.css).
  const column = {
    name: t('members.name'),
    email: t('members.email'),
    phone: t('members.phone'),
    outstanding: t('balance.outstanding'),
  };

  return (
    <div className="page">
      <div className="page-head">
        <h2>{t('members.title')}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="member-new">
          {t('members.new')}
        </button>
      </div>

      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() || null, page: null });
        }}
      >
        <label htmlFor="member-search">{t('members.search')}</label>
        <input
          id="member-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('members.searchPlaceholder')}
          data-testid="member-search"
        />
        {sections.length > 0 && (
          <>
            <label htmlFor="member-section">{t('members.section')}</label>
            <select
              id="member-section"
              value={tag}
              onChange={(e) => update({ tag: e.target.value || null, page: null })}
              data-testid="member-section"
            >
              <option value="">{t('members.allSections')}</option>
              {sections.map((section) => (
                <option key={section} value={section}>
                  {section}
                </option>
              ))}
            </select>
          </>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => update({ archived: e.target.checked ? 'true' : null, page: null })}
            data-testid="member-archived"
          />{' '}
          {t('members.showArchived')}
        </label>
      </form>

      {list.isPending && <Loading />}
      {list.isError && !list.data && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && members.length === 0 && <Empty>{q ? t('members.noMatch', { q }) : t('members.empty')}</Empty>}
      {members.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {t('members.count', { count: list.data?.page.totalElements ?? members.length })}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('members.title')}>
            <table className="data" data-testid="members-table">
              <thead>
                <tr>
                  <SortHeader field="lastName" sort={sort} onSort={onSort}>
                    {column.name}
                  </SortHeader>
                  <SortHeader field="email" sort={sort} onSort={onSort}>
                    {column.email}
                  </SortHeader>
                  <th scope="col">{column.phone}</th>
                  <SortHeader field="outstanding" sort={sort} onSort={onSort} className="num">
                    {column.outstanding}
                  </SortHeader>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr
                    key={m.id}
                    data-testid="member-row"
                    data-member-id={m.id}
                    className="clickable"
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a,button')) return;
                      void navigate(`/members/${encodeURIComponent(m.id)}`);
                    }}
                  >
                    <td data-label={column.name}>
                      <Link to={`/members/${encodeURIComponent(m.id)}`} data-testid="member-link">
                        {memberName(m)}
                      </Link>
                      {m.archived && <span className="badge muted"> {t('members.archived')}</span>}
                    </td>
                    <td data-label={column.email}>{m.email}</td>
                    <td data-label={column.phone}>{m.phone}</td>
                    <td
                      className={`num amount ${m.balance.outstanding > 0 ? 'owes' : ''}`}
                      data-label={column.outstanding}
                    >
                      {format.money(m.balance.outstanding)}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        onClick={() => setEditing(m)}
                        data-testid="member-edit"
                        aria-label={t('members.editNamed', { name: memberName(m) })}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="danger-text"
                        onClick={() => setDeleting(m)}
                        data-testid="member-delete"
                        aria-label={t('members.deleteNamed', { name: memberName(m) })}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            totalPages={list.data?.page.totalPages ?? 1}
            onChange={(p) => update({ page: p ? String(p) : null })}
          />
        </>
      )}

      {editing && (
        <MemberDialog
          member={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            if (editing === 'new' && saved?.id) void navigate(`/members/${encodeURIComponent(saved.id)}`);
          }}
        />
      )}
      {deleting && <DeleteMemberDialog member={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
