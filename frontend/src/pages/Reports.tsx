import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api';
import { announce } from '../components/Announcer';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DraftRestored, FormError, SelectField, TextField } from '../components/Field';
import { formErrors, NO_ERRORS } from '../components/formErrors';
import { Empty, ErrorState, errorMessage, Loading } from '../components/QueryState';
import { useDraft } from '../components/useDraft';
import { isoDate, today } from '../format';
import { useFormat, useTitle } from '../hooks';
import { exportUrl } from '../reports';
import { GRANULARITIES, Report, ReportInput, ReportPage, ReportSummary } from '../model';

type ReportForm = Pick<ReportInput, 'from' | 'to' | 'granularity'>;

export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  useTitle(t('nav.reports'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const now = new Date();
  // A period being chosen survives a sign-in round trip when the session ends meanwhile.
  const draft = useDraft<ReportForm>('report', undefined, {
    from: isoDate(new Date(now.getFullYear(), now.getMonth() - 11, 1)),
    to: today(),
    granularity: 'MONTH',
  });
  const { values, setValues } = draft;
  const [errors, setErrors] = useState(NO_ERRORS);
  const [deleting, setDeleting] = useState<ReportSummary | null>(null);

  const history = useQuery({
    queryKey: ['reports'],
    queryFn: () => api<ReportPage>('/api/reports?size=100&sort=createdAt,desc').then((page) => page.content),
  });

  const generate = useMutation({
    mutationFn: (body: ReportInput) => send<Report>('POST', '/api/reports', body),
    onSuccess: (report) => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      queryClient.setQueryData(['report', report.id], report);
      announce(t('reports.generated'));
      void navigate(`/reports/${encodeURIComponent(report.id)}`);
    },
    onError: (error) => setErrors(formErrors(error, ['from', 'to', 'granularity'], t)),
  });

  const remove = useMutation({
    mutationFn: (r: ReportSummary) => send<void>('DELETE', `/api/reports/${encodeURIComponent(r.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      announce(t('reports.deleted'));
      setDeleting(null);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.from && values.to && values.from > values.to) {
      setErrors({ fields: { to: t('filters.toBeforeFrom') }, general: null });
      return;
    }
    setErrors(NO_ERRORS);
    generate.mutate(values);
  };
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const reports = history.data ?? [];
  // The column names, on the header cells and on each cell (a phone shows every row as a card: styles.css).
  const column = {
    period: t('reports.period'),
    granularity: t('reports.granularity'),
    createdAt: t('reports.createdAt'),
    createdBy: t('reports.createdBy'),
  };

  return (
    <div className="page">
      <h2>{t('reports.title')}</h2>

      <section className="panel">
        <h3 id="generate-title">{t('reports.generate')}</h3>
        <form onSubmit={submit} noValidate data-testid="report-form">
          <DraftRestored show={draft.restored} />
          <FormError message={errors.general} />
          <div className="filter-grid">
            <TextField
              label={t('reports.from')}
              name="from"
              type="date"
              value={values.from}
              onChange={set('from')}
              error={errors.fields.from}
              required
              data-testid="report-from"
            />
            <TextField
              label={t('reports.to')}
              name="to"
              type="date"
              value={values.to}
              onChange={set('to')}
              error={errors.fields.to}
              required
              data-testid="report-to"
            />
            <SelectField
              label={t('reports.granularity')}
              name="granularity"
              value={values.granularity}
              onChange={set('granularity')}
              error={errors.fields.granularity}
              data-testid="report-granularity"
            >
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {t(`reports.granularities.${g}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={generate.isPending} data-testid="report-generate">
              {generate.isPending ? t('reports.generating') : t('reports.generateButton')}
            </button>
          </div>
        </form>
      </section>

      <section className="panel">
        <h3 id="history-title">{t('reports.history')}</h3>
        {history.isPending && <Loading />}
        {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
        {history.isSuccess && reports.length === 0 && <Empty>{t('reports.empty')}</Empty>}
        {reports.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="history-title">
            <table className="data" data-testid="reports-table">
              <thead>
                <tr>
                  <th scope="col">{column.period}</th>
                  <th scope="col">{column.granularity}</th>
                  <th scope="col">{column.createdAt}</th>
                  <th scope="col">{column.createdBy}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id} data-testid="report-row" data-report-id={r.id}>
                    <td data-label={column.period}>
                      <Link to={`/reports/${encodeURIComponent(r.id)}`} data-testid="report-open">
                        {t('reports.periodValue', { from: format.date(r.from), to: format.date(r.to) })}
                      </Link>
                    </td>
                    <td data-label={column.granularity}>
                      {t(`reports.granularities.${r.granularity}`, { defaultValue: r.granularity })}
                    </td>
                    <td data-label={column.createdAt}>{format.dateTime(r.createdAt)}</td>
                    <td data-label={column.createdBy}>{r.createdBy}</td>
                    <td className="row-actions">
                      <a
                        href={exportUrl(r.id, 'csv', i18n.language)}
                        download
                        data-testid="report-download-csv"
                        aria-label={t('reports.downloadNamed', {
                          format: 'CSV',
                          from: format.date(r.from),
                          to: format.date(r.to),
                        })}
                      >
                        CSV
                      </a>
                      <a
                        href={exportUrl(r.id, 'pdf', i18n.language)}
                        download
                        data-testid="report-download-pdf"
                        aria-label={t('reports.downloadNamed', {
                          format: 'PDF',
                          from: format.date(r.from),
                          to: format.date(r.to),
                        })}
                      >
                        PDF
                      </a>
                      <button
                        type="button"
                        className="danger-text"
                        onClick={() => setDeleting(r)}
                        data-testid="report-delete"
                        aria-label={t('reports.deleteNamed', { from: format.date(r.from), to: format.date(r.to) })}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {deleting && (
        <ConfirmDialog
          title={t('reports.deleteTitle')}
          confirmLabel={t('common.delete')}
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error, t) : null}
        >
          <p>{t('reports.deleteConfirm', { from: format.date(deleting.from), to: format.date(deleting.to) })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
