import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { memberName } from '../queries';
import type { Member, TransactionPage } from '../model';
import { announce } from './Announcer';
import { ConfirmDialog } from './ConfirmDialog';
import { errorMessage } from './QueryState';

/** How many transactions a member has: the total of a one-item page. */
export function transactionCount(userId: string): Promise<number> {
  return api<TransactionPage>(`/api/transactions?userId=${encodeURIComponent(userId)}&size=1`).then(
    (page) => page.page.totalElements,
  );
}

/** Asks before deleting a member, saying how many transactions go with them. */
export function DeleteMemberDialog({
  member,
  onClose,
  onDeleted,
}: {
  member: Member;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = memberName(member);
  const count = useQuery({
    queryKey: ['transactions', 'count', member.id],
    queryFn: () => transactionCount(member.id),
    staleTime: 0,
  });
  const remove = useMutation({
    mutationFn: () => send<void>('DELETE', `/api/users/${encodeURIComponent(member.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['transactions'] });
      queryClient.removeQueries({ queryKey: ['user', member.id] });
      announce(t('members.deleted', { name }));
      onClose();
      onDeleted?.();
    },
  });

  return (
    <ConfirmDialog
      title={t('members.deleteTitle', { name })}
      confirmLabel={t('members.delete')}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      busy={remove.isPending || count.isPending}
      error={remove.isError ? errorMessage(remove.error, t) : null}
      testId="delete-member-dialog"
    >
      <p data-testid="delete-member-count">
        {count.isPending && t('members.counting')}
        {count.isError && t('members.countUnknown')}
        {count.isSuccess && t('members.deleteCount', { count: count.data, name })}
      </p>
      <p>{t('members.deleteWarning')}</p>
    </ConfirmDialog>
  );
}
