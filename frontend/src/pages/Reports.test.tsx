import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import i18n from '../i18n';
import { aCategory, aReport } from '../test/fixtures';
import { json, mockFetch, page, renderWithProviders } from '../test/utils';
import { ReportsPage } from './Reports';
import { ReportViewPage } from './ReportView';

// The charts as their data: each slice or bar as "label: value (colour)".
vi.mock('react-chartjs-2', () => {
  type Props = {
    'aria-label': string;
    data: { labels: string[]; datasets: { label: string; data: number[]; backgroundColor: string | string[] }[] };
  };
  const chart = ({ 'aria-label': label, data }: Props) => (
    <ul aria-label={label}>
      {data.datasets.flatMap((set) =>
        set.data.map((value, i) => (
          <li key={`${set.label}-${i}`}>
            {`${data.labels[i]}: ${value} (${Array.isArray(set.backgroundColor) ? set.backgroundColor[i] : set.backgroundColor})`}
          </li>
        )),
      )}
    </ul>
  );
  return { Bar: chart, Doughnut: chart };
});

function backend(report = aReport()) {
  mockFetch((url) => {
    if (url.pathname === '/api/reports') return json(page([report]));
    if (url.pathname === '/api/reports/r1') return json(report);
    if (url.pathname === '/api/categories') return json([aCategory({ id: 'c1', name: 'Camp', color: '#2a9d8f' })]);
    return undefined;
  });
}

function openReport() {
  renderWithProviders(
    <Routes>
      <Route path="/reports/:id" element={<ReportViewPage />} />
    </Routes>,
    { route: '/reports/r1' },
  );
}

const figures = { receivables: 0, collected: 0, debts: 0, outstanding: 0, count: 1 };

const downloads = () =>
  [screen.getByTestId('report-download-csv'), screen.getByTestId('report-download-pdf')].map((link) =>
    link.getAttribute('href'),
  );

describe('report exports', () => {
  it('come in the console language from the history', async () => {
    await act(() => i18n.changeLanguage('nl'));
    backend();
    renderWithProviders(<ReportsPage />, { route: '/reports' });
    await screen.findByTestId('report-row');
    expect(downloads()).toEqual([
      '/api/reports/r1/export?format=csv&lang=nl',
      '/api/reports/r1/export?format=pdf&lang=nl',
    ]);
  });

  it('come in the console language from the report, and follow a change', async () => {
    await act(() => i18n.changeLanguage('fr'));
    backend();
    openReport();
    await screen.findByTestId('report-view');
    expect(downloads()).toEqual([
      '/api/reports/r1/export?format=csv&lang=fr',
      '/api/reports/r1/export?format=pdf&lang=fr',
    ]);

    await act(() => i18n.changeLanguage('en'));
    expect(downloads()).toEqual([
      '/api/reports/r1/export?format=csv&lang=en',
      '/api/reports/r1/export?format=pdf&lang=en',
    ]);
  });
});

describe('a report on screen', () => {
  it('names its periods as a reader would, in the console language', async () => {
    await act(() => i18n.changeLanguage('fr'));
    backend(
      aReport({
        granularity: 'WEEK',
        from: '2026-11-18',
        byPeriod: [
          { ...figures, period: '2026-W47', from: '2026-11-18', to: '2026-11-22', receivables: 12 },
          { ...figures, period: '2026-W48', from: '2026-11-23', to: '2026-11-29', collected: 5 },
        ],
      }),
    );
    openReport();
    const table = await screen.findByTestId('report-by-period');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['semaine du 16 nov. 2026', 'semaine du 23 nov. 2026']);
    expect(table.textContent).not.toContain('W47');
  });

  it('shows one measure at a time by category, in the categories’ colours, and names the uncategorised', async () => {
    await act(() => i18n.changeLanguage('fr'));
    backend(
      aReport({
        byCategory: [
          { ...figures, categoryId: 'c1', categoryName: 'Camp', receivables: 120, collected: 80 },
          { ...figures, categoryId: null, categoryName: null, receivables: 30 },
          { ...figures, categoryId: 'gone', categoryName: null, debts: 15 },
        ],
      }),
    );
    openReport();
    const ring = await screen.findByRole('list', { name: 'Graphique en anneau : Créances par catégorie' });
    expect(await within(ring).findByText('Camp: 120 (#2a9d8f)')).toBeInTheDocument();
    expect(
      within(ring)
        .getAllByRole('listitem')
        .map((slice) => slice.textContent),
    ).toEqual(['Camp: 120 (#2a9d8f)', 'Sans catégorie: 30 (#9ca3af)']);

    await userEvent.selectOptions(screen.getByTestId('report-category-measure'), 'debts');
    const debts = screen.getByRole('list', { name: 'Graphique en anneau : Dettes par catégorie' });
    expect(
      within(debts)
        .getAllByRole('listitem')
        .map((slice) => slice.textContent),
    ).toEqual(['Catégorie supprimée: 15 (#2563eb)']);
    expect(within(screen.getByTestId('report-by-category')).getByText('Sans catégorie')).toBeInTheDocument();
  });
});
