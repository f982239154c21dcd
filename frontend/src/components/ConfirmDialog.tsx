import { ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { FormError } from './Field';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: string | null;
  testId?: string;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy,
  error,
  testId,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  return (
    <Dialog title={title} onClose={onClose} testId={testId ?? 'confirm-dialog'} describedBy={bodyId}>
      <div id={bodyId} className="confirm-body">
        {children}
      </div>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm} disabled={busy} data-testid="confirm">
          {busy ? t('common.working') : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
